// Why a run failed, in the words a vendor needs: a failed check's usual cause (the apiVersion
// missing from --target, the kit not configured as a partner, nothing listening, a TLS mismatch)
// and what to look at. Respect reports a refused connection as "fetch failed" only, so for a
// step without a reply the kit connects to the target once itself and reads the error code.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { MtlsFiles } from './run.ts';
import type { CheckResult, Role } from './types.ts';

/** What one connection of the kit's own to the target met. */
export type Probe = { reached: true; status: number } | { reached: false; code: string; message: string };

/** One POST to the target (with the kit's certificate under mutual TLS); any HTTP reply means reachable. */
export async function probeTarget(target: string, mtls?: MtlsFiles, timeoutMs = 5000): Promise<Probe> {
  const url = new URL(target);
  const tls = mtls ? { cert: await readFile(mtls.cert, 'utf8'), key: await readFile(mtls.key, 'utf8'), ca: await readFile(mtls.ca, 'utf8') } : {};
  return new Promise<Probe>((resolve) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: 'POST', timeout: timeoutMs, ...tls }, (res) => {
      res.resume();
      resolve({ reached: true, status: res.statusCode ?? 0 });
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ reached: false, code: error.code ?? 'ERROR', message: error.message }));
    request.end();
  });
}

export interface DiagnosisContext {
  role: Role;
  target: string;
  platId: string;
  appId: string;
  /** Role platform: the kit's partner interfaces, which the cloud must have configured. */
  verifyUrl?: string;
  dataGatewayUrl?: string;
  /** Set when a step got no reply. */
  probe?: Probe;
}

const certificateCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Why a step got no reply, from the kit's own connection. */
export function connectionHint(target: string, probe: Probe | undefined, mtls: boolean): string {
  const url = new URL(target);
  const where = `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  if (!probe) return `no reply from ${where}`;
  if (probe.reached) return `Respect got no reply, yet the kit's own request to ${target} was answered (HTTP ${probe.status}): run again; if it recurs, run Respect directly (conformance/README.md)`;
  const { code } = probe;
  if (code === 'ECONNREFUSED') return `nothing accepts connections at ${where} (${code}): is the cloud running, and are the host and port in --target right?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host ${url.hostname} does not resolve (${code}): check the host name in --target`;
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `no answer from ${where} (${code}): a firewall, or the wrong host or port in --target`;
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') return `the cloud does not speak TLS at ${where} (${code}): use http:// in --target, or the port of its HTTPS listener`;
  if (certificateCodes.has(code)) {
    return `the kit does not trust the cloud's certificate (${code}: ${probe.message}): give the CA that signed it with --mtls ca=<pem>, and check that the certificate names ${url.hostname}`;
  }
  if (code === 'ECONNRESET' || code.startsWith('ERR_SSL')) {
    return mtls
      ? `the cloud closed the connection during the TLS handshake (${code}): does it trust the CA of the kit's certificate (--mtls cert=…), and does it speak TLS at ${where}?`
      : `the cloud closed the connection (${code}): does it speak ${url.protocol.replace(':', '')} at ${where}? If it requires mutual TLS, give the kit its certificate with --mtls`;
  }
  return `no reply from ${where} (${code}: ${probe.message})`;
}

const retInfoOf = (body: unknown) => {
  const info = (body as { RetInfo?: unknown } | null | undefined)?.RetInfo;
  return typeof info === 'string' ? info : undefined;
};
const hasRetCode = (body: unknown) => typeof body === 'object' && body !== null && 'RetCode' in body;

/** A failed check's usual cause, or undefined when the failure speaks for itself. */
export function hintFor(check: CheckResult, ctx: DiagnosisContext): string | undefined {
  if (check.status !== 'fail') return undefined;
  if (check.id === 'kit.verify-called-at-login') {
    return ctx.verifyUrl
      ? `if no login above succeeded, look there first; otherwise is the kit's user verify URL configured for partner ${ctx.platId} in the cloud: ${ctx.verifyUrl}?`
      : undefined;
  }
  if (check.id === 'kit.op-reported' && ctx.dataGatewayUrl) {
    return `is the kit's data gateway configured for partner ${ctx.platId} in the cloud: ${ctx.dataGatewayUrl}? The cloud must report changes of devices bound to the kit's users there (7.2.8)`;
  }
  const exchange = check.exchange;
  if (!exchange) return undefined;
  if (!exchange.response) {
    return check.failures.some((f) => f.check === 'failed network request') ? connectionHint(ctx.target, ctx.probe, exchange.request.url.startsWith('https:')) : undefined;
  }
  const { statusCode, body } = exchange.response;
  const said = retInfoOf(body);
  const reply = said ? ` The reply said: "${said}".` : '';
  // A 404 the document describes for the operation, with a RetCode, is the cloud refusing (an unknown
  // device); one it does not describe, or without a RetCode, is a route the cloud does not have.
  const undocumented = check.failures.some((f) => f.check === 'status code check');
  if (statusCode === 404 && (undocumented || !hasRetCode(body))) {
    const target = new URL(ctx.target);
    const path = new URL(exchange.request.url).pathname;
    if (target.pathname === '/' || target.pathname === '') {
      return `HTTP 404: the cloud has no ${path}. --target has no path, so the apiVersion is missing: the standard's address is http://{host}:{port}/{apiVersion}/{apiName} (clause 6.3); try --target ${target.origin}/v1`;
    }
    return `HTTP 404: the cloud has no ${path}. Is ${target.pathname} its apiVersion? The standard's address is http://{host}:{port}/{apiVersion}/{apiName} (clause 6.3)`;
  }
  if (statusCode === 403 || (statusCode === 401 && /platid|partner|appid/i.test(said ?? ''))) {
    const who = ctx.role === 'platform' ? `as a partner (A platform) with AppID ${ctx.appId}` : 'as a B platform it serves';
    return `HTTP ${statusCode}: the cloud refused the kit itself.${reply} Is the kit's PlatID ${ctx.platId} configured in the cloud ${who}? (conformance/README.md, "configure your cloud for the kit")`;
  }
  if (statusCode === 401) return `HTTP 401: the cloud did not accept the AccessToken.${reply} A token its own login issued must work until logout (6.6.1.2)`;
  return undefined;
}

/** Adds each failed check's hint and the run's likely causes, most likely (earliest) first. */
export function diagnose<T extends { checks: CheckResult[]; causes?: string[] }>(result: T, ctx: DiagnosisContext): T {
  // Without a session nothing after login means anything: its failure is the cause to show.
  const failedLogin = result.checks.find((c) => c.id === 'main.login' && c.status === 'fail');
  const followers = new Set<string>();
  const checks = result.checks.map((check) => {
    let hint = hintFor(check, ctx);
    if (failedLogin && check.status === 'fail' && check.id.startsWith('kit.')) {
      hint = `follows from main.login, which failed: the cloud had no login to verify and no operation to report`;
      followers.add(check.id);
    }
    return hint ? { ...check, hint } : check;
  });
  const causes = [...new Set(checks.flatMap((c) => (c.hint && !followers.has(c.id) ? [c.hint] : [])))];
  return { ...result, checks, ...(causes.length > 0 ? { causes } : {}) };
}
