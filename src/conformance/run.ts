// One conformance run: hosts the kit's partner interfaces (role platform), runs the role's Arazzo
// workflows through Respect in one invocation, adds the kit's own checks and masks every token.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { workflowFile, sourceName } from './files.ts';
import { diagnose, probeTarget, type DiagnosisContext } from './diagnosis.ts';
import { defaultKitUsers, type Fixtures } from './fixtures.ts';
import { replyChecks, reportChecks, reportsCommand, tallyReports, verifyChecks } from './kit-checks.ts';
import { startKitPartner, type KitPartner } from './kit-partner.ts';
import { maskSecrets, tokensIn } from './mask.ts';
import { runRespect, type RespectOptions, type RespectRun } from './respect.ts';
import { checksFromRespect } from './results.ts';
import type { CheckResult, ConformanceResult, Role } from './types.ts';
import { readWorkflows, type WorkflowInfo } from './workflows.ts';

export interface MtlsFiles {
  /** PEM files: the kit's certificate (client towards the target, server for its partner interfaces), its key, the CA the target's certificate chains to. */
  cert: string;
  key: string;
  ca: string;
}

export interface ConformanceOptions {
  role: Role;
  /** The cloud's base URL including the apiVersion path, e.g. https://cloud.example.com:8443/v1. */
  target: string;
  fixtures: Fixtures;
  mtls?: MtlsFiles;
  /** Role platform: a kit partner already listening (tests start it before the cloud they configure with its URLs). */
  partner?: KitPartner;
  partnerHost?: string;
  partnerPort?: number;
  /** How long to wait after the workflows for the report of the device operation; default 5000 ms. */
  reportWaitMs?: number;
  respectTimeoutMs?: number;
  onProgress?: (line: string) => void;
}

const newSecret = () => randomBytes(24).toString('base64url');

function needsFixture(fixtures: Fixtures, path: string): boolean {
  let at: unknown = fixtures;
  for (const key of path.split('.')) at = (at as Record<string, unknown> | undefined)?.[key];
  return at === undefined;
}

/** Workflows the kit does not hand to Respect, and why. */
function skippedWorkflows(workflows: WorkflowInfo[], fixtures: Fixtures, mtls: boolean): Map<string, string> {
  const skipped = new Map<string, string>();
  for (const w of workflows) {
    if (w.skipWithMtls && mtls) skipped.set(w.workflowId, 'under mutual TLS the PlatID and AppID headers may be omitted (clause 7.1)');
    else if (w.needsFixture && needsFixture(fixtures, w.needsFixture)) skipped.set(w.workflowId, `the fixtures have no ${w.needsFixture}`);
  }
  return skipped;
}

async function runWorkflows(options: ConformanceOptions, workflows: WorkflowInfo[], skipped: Map<string, string>, inputs: Record<string, unknown>, secrets: Record<string, string>) {
  const run: RespectOptions = {
    file: workflowFile(options.role),
    servers: { [sourceName[options.role]]: options.target },
    inputs,
    secrets,
    skip: [...skipped.keys()],
    ...(options.respectTimeoutMs ? { timeoutMs: options.respectTimeoutMs } : {}),
  };
  if (options.mtls) run.mtls = { origin: new URL(options.target).origin, clientCert: options.mtls.cert, clientKey: options.mtls.key, caCert: options.mtls.ca };
  options.onProgress?.(`running ${workflows.length - skipped.size} workflows of role ${options.role} with Respect against ${options.target}`);
  let result: RespectRun;
  try {
    result = await runRespect(run);
  } catch (error) {
    return { checks: checksFromRespect(workflows, { log: undefined, failure: (error as Error).message }, skipped), durationMs: 0 };
  }
  const failure = result.log ? undefined : `exit status ${String(result.exitCode)}: ${result.outputTail.trim().split('\n').slice(-5).join(' / ')}`;
  return { checks: checksFromRespect(workflows, { log: result.log, har: result.har, ...(failure ? { failure } : {}) }, skipped), durationMs: result.durationMs };
}

async function runPlatformRole(options: ConformanceOptions, started: number): Promise<{ result: ConformanceResult; secrets: string[]; partner: { verifyUrl: string; dataGatewayUrl: string } }> {
  const fixtures = options.fixtures;
  const platform = fixtures.platform!;
  const user = (role: 'main' | 'other' | 'refused') => ({
    loginID: platform.users?.[role]?.loginID ?? defaultKitUsers[role],
    authToken: platform.users?.[role]?.authToken ?? newSecret(),
  });
  const users = { main: user('main'), other: user('other'), refused: user('refused') };
  const own = platform.devices.own;

  const ownPartner = options.partner === undefined;
  const partner =
    options.partner ??
    (await startKitPartner({
      host: options.partnerHost ?? '127.0.0.1',
      port: options.partnerPort ?? 8099,
      ...(options.mtls
        ? { tls: { cert: await readFile(options.mtls.cert, 'utf8'), key: await readFile(options.mtls.key, 'utf8'), ca: await readFile(options.mtls.ca, 'utf8') } }
        : {}),
    }));
  try {
    options.onProgress?.(`kit partner: user verify ${partner.verifyUrl}, data gateway ${partner.dataGatewayUrl}`);
    partner.reset();
    // The refused user is deliberately not accepted: its login must fail at the verify callback.
    partner.accept([users.main, users.other]);

    const workflows = readWorkflows(workflowFile('platform'));
    const skipped = skippedWorkflows(workflows, fixtures, options.mtls !== undefined);
    const inputs = {
      kit: fixtures.kit,
      users: { main: { loginID: users.main.loginID }, other: { loginID: users.other.loginID }, refused: { loginID: users.refused.loginID } },
      devices: platform.devices,
      forgedToken: `cheaa-kit-forged-${newSecret()}`,
    };
    const secrets: Record<string, string> = {
      CHEAA_KIT_MAIN_AUTH_TOKEN: users.main.authToken,
      CHEAA_KIT_OTHER_AUTH_TOKEN: users.other.authToken,
      CHEAA_KIT_REFUSED_AUTH_TOKEN: users.refused.authToken,
      ...(platform.expiredAccessToken ? { CHEAA_KIT_EXPIRED_ACCESS_TOKEN: platform.expiredAccessToken } : {}),
    };
    const { checks, durationMs } = await runWorkflows(options, workflows, skipped, inputs, secrets);

    // The report of the operation may still be on its way (at-least-once delivery, retries).
    const opRan = checks.find((c) => c.id === 'device-op.op-own')?.status === 'pass';
    const waitMs = options.reportWaitMs ?? 5000;
    const deadline = Date.now() + waitMs;
    while (opRan && Date.now() < deadline && !partner.reports.some((r) => reportsCommand(r, own.deviceID, own.command))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const kitChecks: CheckResult[] = [
      ...replyChecks(checks),
      ...verifyChecks(partner.verifyCalls, users.main.loginID, options.mtls !== undefined),
      ...reportChecks(partner.reports, { ran: opRan, deviceId: own.deviceID, command: own.command, waitedMs: waitMs }),
    ];
    return {
      result: {
        role: 'platform',
        target: options.target,
        startedAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        checks: [...checks, ...kitChecks],
        reports: tallyReports(partner.reports),
        respectMs: durationMs,
      },
      secrets: [...Object.values(secrets), ...[users.main, users.other, users.refused].map((u) => u.authToken)],
      partner: { verifyUrl: partner.verifyUrl, dataGatewayUrl: partner.dataGatewayUrl },
    };
  } finally {
    if (ownPartner) await partner.close();
  }
}

async function runPartnerRole(options: ConformanceOptions, started: number): Promise<{ result: ConformanceResult; secrets: string[] }> {
  const fixtures = options.fixtures;
  const partner = fixtures.partner!;
  const workflows = readWorkflows(workflowFile('partner'));
  const skipped = skippedWorkflows(workflows, fixtures, options.mtls !== undefined);
  const inputs = {
    kit: fixtures.kit,
    user: { loginID: partner.user.loginID },
    unknownLoginID: partner.unknownLoginID,
    forgedAuthToken: `cheaa-kit-forged-${newSecret()}`,
    deviceID: partner.deviceID,
    timeStamp: String(started),
  };
  const secrets = { CHEAA_KIT_PARTNER_AUTH_TOKEN: partner.user.authToken };
  const { checks, durationMs } = await runWorkflows(options, workflows, skipped, inputs, secrets);
  return {
    result: { role: 'partner', target: options.target, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, checks, respectMs: durationMs },
    secrets: Object.values(secrets),
  };
}

/** Each failed check's usual cause; the kit connects to the target itself only when a step got no reply. */
async function diagnosed(result: ConformanceResult, options: ConformanceOptions, partner: { verifyUrl: string; dataGatewayUrl: string } | undefined): Promise<ConformanceResult> {
  const unanswered = result.checks.some((c) => c.status === 'fail' && c.exchange && !c.exchange.response);
  const ctx: DiagnosisContext = {
    role: options.role,
    target: options.target,
    platId: options.fixtures.kit.platId,
    appId: options.fixtures.kit.appId,
    ...(partner ? { verifyUrl: partner.verifyUrl, dataGatewayUrl: partner.dataGatewayUrl } : {}),
    ...(unanswered ? { probe: await probeTarget(options.target, options.mtls) } : {}),
  };
  return diagnose(result, ctx);
}

export async function runConformance(options: ConformanceOptions): Promise<ConformanceResult> {
  const started = Date.now();
  const { result, secrets, partner } = options.role === 'platform' ? await runPlatformRole(options, started) : { ...(await runPartnerRole(options, started)), partner: undefined };
  const masked = maskSecrets(result, [...secrets, ...tokensIn(result)]);
  return diagnosed(masked, options, partner);
}
