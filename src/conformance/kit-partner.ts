// The A platform the kit plays for role platform: it hosts the 7.1.4 user verify interface the
// cloud under test calls back during login, and the 7.2.8 data gateway the cloud reports to.
// Everything that arrives is validated against the partner document and recorded for the kit's
// own checks; AuthTokens are compared, never kept.
import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { validateReport, validateVerifyRequest } from './partner-document.ts';

export interface KitPartnerOptions {
  /** Default 127.0.0.1; 0.0.0.0 to be reachable from a cloud elsewhere. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** PEM contents: serve HTTPS and require a client certificate from `ca` (clause 6.6.1.1). */
  tls?: { cert: string; key: string; ca: string };
  /** The host name the cloud under test reaches the kit by, for the URLs printed; default `host`. */
  publicHost?: string;
}

export interface VerifyCall {
  at: number;
  platId: string | undefined;
  loginID: string | undefined;
  /** The loginID is one of the kit's users and the AuthToken is theirs. */
  accepted: boolean;
  valid: boolean;
  problems: string[];
}

export interface ReceivedReport {
  at: number;
  platId: string | undefined;
  eventId: string | undefined;
  dataType: string | undefined;
  deviceId: string | undefined;
  body: unknown;
  valid: boolean;
  problems: string[];
}

export interface KitPartner {
  /** Base URL, `…/v1`. */
  url: string;
  verifyUrl: string;
  dataGatewayUrl: string;
  /** The users whose AuthTokens user verify accepts from now on. */
  accept(users: { loginID: string; authToken: string }[]): void;
  readonly verifyCalls: readonly VerifyCall[];
  readonly reports: readonly ReceivedReport[];
  /** Forgets what arrived (between runs on one kit partner). */
  reset(): void;
  close(): Promise<void>;
}

const apiVersion = '/v1';
const maxBodyBytes = 1 << 20;
const digest = (s: string) => createHash('sha256').update(s).digest();

type Reply = { status: number; body: { RetCode: string; RetInfo: string } };
const reply = (status: number, RetCode: string, RetInfo: string): Reply => ({ status, body: { RetCode, RetInfo } });

async function readJson(req: IncomingMessage): Promise<{ ok: true; body: unknown } | { ok: false; reply: Reply }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return { ok: false, reply: reply(413, '413', 'request body too large') };
    chunks.push(chunk);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch (error) {
    return { ok: false, reply: reply(400, '400', `malformed JSON: ${(error as Error).message}`) };
  }
}

export async function startKitPartner(options: KitPartnerOptions = {}): Promise<KitPartner> {
  let users = new Map<string, Buffer>();
  const verifyCalls: VerifyCall[] = [];
  const reports: ReceivedReport[] = [];

  function verify(req: IncomingMessage, body: unknown): Reply {
    const validation = validateVerifyRequest(body);
    const request = body as { User?: { UserBase?: { loginID?: unknown } }[]; AuthToken?: unknown } | null;
    const loginID = typeof request?.User?.[0]?.UserBase?.loginID === 'string' ? request.User[0].UserBase.loginID : undefined;
    const expected = loginID === undefined ? undefined : users.get(loginID);
    // Digests of equal length, compared in constant time: the AuthToken is a secret.
    const accepted = validation.valid && expected !== undefined && typeof request?.AuthToken === 'string' && timingSafeEqual(expected, digest(request.AuthToken));
    verifyCalls.push({ at: Date.now(), platId: req.headers.platid as string | undefined, loginID, accepted, valid: validation.valid, problems: validation.valid ? [] : validation.problems });
    if (!validation.valid) return reply(400, '400', `not a valid user verify request: ${validation.problems.join('; ')}`);
    if (expected === undefined) return reply(404, '4042', `unknown user ${loginID ?? ''}`);
    if (!accepted) return reply(401, '4011', `AuthToken is not valid for ${loginID ?? ''}`);
    return reply(200, '200', 'ok');
  }

  function dataGateway(req: IncomingMessage, body: unknown): Reply {
    const validation = validateReport(body);
    const report = (body ?? {}) as { DataType?: unknown; DeviceID?: unknown };
    reports.push({
      at: Date.now(),
      platId: req.headers.platid as string | undefined,
      eventId: req.headers.eventid as string | undefined,
      dataType: typeof report.DataType === 'string' ? report.DataType : undefined,
      deviceId: typeof report.DeviceID === 'string' ? report.DeviceID : undefined,
      body,
      valid: validation.valid,
      problems: validation.valid ? [] : validation.problems,
    });
    // An invalid report is refused so the sender's log shows it too; it is counted either way.
    return validation.valid ? reply(200, '200', 'ok') : reply(400, '400', `not a valid report: ${validation.problems.join('; ')}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    let answer: Reply;
    if (path !== `${apiVersion}/user/verify` && path !== `${apiVersion}/dataservices/dataGateway`) answer = reply(404, '404', 'no interface at this path');
    else if (req.method !== 'POST') answer = reply(405, '405', 'every interface is a POST (clause 6.2)');
    else {
      const read = await readJson(req);
      if (!read.ok) answer = read.reply;
      else answer = path.endsWith('/user/verify') ? verify(req, read.body) : dataGateway(req, read.body);
    }
    const text = JSON.stringify(answer.body);
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ ...options.tls, requestCert: true, rejectUnauthorized: true }, listener)
    : createHttpServer(listener);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const publicHost = options.publicHost ?? (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);
  const url = `${options.tls ? 'https' : 'http'}://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${port}${apiVersion}`;

  return {
    url,
    verifyUrl: `${url}/user/verify`,
    dataGatewayUrl: `${url}/dataservices/dataGateway`,
    accept(list) {
      users = new Map(list.map((u) => [u.loginID, digest(u.authToken)]));
    },
    verifyCalls,
    reports,
    reset() {
      verifyCalls.length = 0;
      reports.length = 0;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
