// Runs `redocly respect` (the Arazzo runner of @redocly/cli, pinned in package.json) on one
// workflow file and returns its JSON log. One invocation runs every workflow of a role: Respect
// costs about a second to start. Secrets go through the environment, never the command line,
// where any local user could read them in the process list.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kitDirectory } from './files.ts';

/** The parts of Respect's `-J` log the kit reads. */
export interface RespectCheck {
  name: string;
  passed: boolean;
  message?: string;
  condition?: string;
  severity?: string;
}

export interface RespectStep {
  /** `step`, or `workflow` for the rest of a workflow run after an onFailure goto, nested with its own executedSteps. */
  type?: string;
  invocationContext?: string;
  executedSteps?: RespectStep[];
  stepId?: string;
  workflowId?: string;
  status?: string;
  totalTimeMs?: number;
  request?: { method: string; url: string; headers?: Record<string, string>; body?: unknown };
  response?: { statusCode: number; headers?: Record<string, string>; body?: unknown };
  checks?: RespectCheck[];
}

export interface RespectWorkflow {
  workflowId: string;
  status?: string;
  executedSteps: RespectStep[];
}

export interface RespectLog {
  status?: string;
  files: Record<string, { executedWorkflows: RespectWorkflow[]; totalTimeMs?: number }>;
}

export interface RespectOptions {
  file: string;
  /** Source description name → base URL (`--server`). */
  servers: Record<string, string>;
  /** Non-secret workflow inputs (`--input` as one JSON object). */
  inputs: Record<string, unknown>;
  /** Environment variables the workflows read as `$inputs.env.*` (declared `format: password`, which Respect masks). */
  secrets: Record<string, string>;
  /** Workflows not to run (`--skip`). */
  skip: string[];
  /** Per-origin client certificate (`--mtls`), file paths. */
  mtls?: { origin: string; clientCert: string; clientKey: string; caCert: string };
  /** Kill Respect after this long (default 10 minutes). */
  timeoutMs?: number;
}

/** One exchange of Respect's HAR file: what the kit reads from it. */
export interface HarExchange {
  method: string;
  url: string;
  status: number;
  /** The reply body as sent (text). */
  text?: string;
}

export interface RespectRun {
  log: RespectLog | undefined;
  /** Every exchange in the order sent, from Respect's HAR file: its JSON log drops the reply body of a
   * step whose outputs or criteria could not be resolved (a 404 or 403 at login), the body that says why. */
  har: HarExchange[];
  exitCode: number | null;
  /** The end of Respect's console output, for when there is no log. It prints tokens in clear: mask before showing. */
  outputTail: string;
  durationMs: number;
}

/** The CLI of the @redocly/cli the project pins (resolved on use: it is a dev dependency). */
function redoclyBin(): string {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  } catch {
    throw new Error('the conformance kit needs @redocly/cli (npm install, with dev dependencies, in the cloud-interop checkout)');
  }
}

interface RawHar {
  log?: { entries?: { request?: { method?: string; url?: string }; response?: { status?: number; content?: { text?: string } } }[] };
}

async function readHar(file: string): Promise<HarExchange[]> {
  let raw: RawHar;
  try {
    raw = JSON.parse(await readFile(file, 'utf8')) as RawHar;
  } catch {
    return [];
  }
  return (raw.log?.entries ?? []).map((e) => ({
    method: (e.request?.method ?? '').toUpperCase(),
    url: e.request?.url ?? '',
    status: e.response?.status ?? 0,
    ...(e.response?.content?.text !== undefined ? { text: e.response.content.text } : {}),
  }));
}

export async function runRespect(options: RespectOptions): Promise<RespectRun> {
  const directory = await mkdtemp(path.join(tmpdir(), 'cheaa-kit-'));
  const logFile = path.join(directory, 'respect.json');
  const harFile = path.join(directory, 'respect.har');
  const args = [redoclyBin(), 'respect', options.file, '--input', JSON.stringify(options.inputs), '-J', logFile, '-H', harFile];
  for (const [name, url] of Object.entries(options.servers)) args.push('--server', `${name}=${url}`);
  for (const workflow of options.skip) args.push('--skip', workflow);
  if (options.mtls) {
    const { origin, ...files } = options.mtls;
    // Respect matches the full origin, scheme included: "127.0.0.1:8443" alone would not be used.
    args.push('--mtls', JSON.stringify({ [origin]: files }));
  }
  const started = performance.now();
  try {
    const { exitCode, outputTail } = await new Promise<{ exitCode: number | null; outputTail: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: kitDirectory,
        env: {
          ...process.env,
          ...options.secrets,
          // No telemetry, no update check: the kit runs offline and sends nothing to Redocly.
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
          NO_COLOR: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let tail = '';
      const keep = (chunk: Buffer) => {
        tail = (tail + chunk.toString('utf8')).slice(-4000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 600_000);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        resolve({ exitCode: code, outputTail: tail });
      });
    });
    let log: RespectLog | undefined;
    try {
      log = JSON.parse(await readFile(logFile, 'utf8')) as RespectLog;
    } catch {
      log = undefined;
    }
    return { log, har: await readHar(harFile), exitCode, outputTail, durationMs: Math.round(performance.now() - started) };
  } finally {
    // The log and the HAR file hold the AccessTokens in clear: they never outlive the run.
    await rm(directory, { recursive: true, force: true });
  }
}
