// The A platform the kit plays for role platform: it hosts the 7.1.4 user verify interface the
// cloud under test calls back during login, and the 7.2.8 data gateway the cloud reports to. It is
// the SDK's partner kit, which validates and answers as any A platform built on it would; before
// the kit, everything that arrives is recorded and judged against the partner document for the
// kit's own checks (invalid requests too, which the kit refuses). AuthTokens are compared, never kept.
import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import express, { type Request, type RequestHandler } from 'express';
import { cheaaErrorHandler, cheaaNotFound } from '../sdk/error-replies.ts';
import { createPartnerKit, InteropError, RetCodes } from '../sdk/index.ts';
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
// Unexpected failures are answered RetCode 5000; the kit's report is where problems show.
const quiet = { error: () => {} };

export async function startKitPartner(options: KitPartnerOptions = {}): Promise<KitPartner> {
  let users = new Map<string, Buffer>();
  const verifyCalls: VerifyCall[] = [];
  const reports: ReceivedReport[] = [];

  /** Whether `authToken` is the one the kit's user `loginID` presented. */
  function tokenMatches(loginID: string | undefined, authToken: unknown): boolean {
    const expected = loginID === undefined ? undefined : users.get(loginID);
    // Digests of equal length, compared in constant time: the AuthToken is a secret.
    return expected !== undefined && typeof authToken === 'string' && timingSafeEqual(expected, digest(authToken));
  }

  function recordVerify(req: Request, body: unknown): void {
    const validation = validateVerifyRequest(body);
    const request = body as { User?: { UserBase?: { loginID?: unknown } }[]; AuthToken?: unknown } | null;
    const loginID = typeof request?.User?.[0]?.UserBase?.loginID === 'string' ? request.User[0].UserBase.loginID : undefined;
    const accepted = validation.valid && tokenMatches(loginID, request?.AuthToken);
    verifyCalls.push({ at: Date.now(), platId: req.get('PlatID'), loginID, accepted, valid: validation.valid, problems: validation.valid ? [] : validation.problems });
  }

  function recordReport(req: Request, body: unknown): void {
    const validation = validateReport(body);
    const report = (body ?? {}) as { DataType?: unknown; DeviceID?: unknown };
    reports.push({
      at: Date.now(),
      platId: req.get('PlatID'),
      eventId: req.get('EventID'),
      dataType: typeof report.DataType === 'string' ? report.DataType : undefined,
      deviceId: typeof report.DeviceID === 'string' ? report.DeviceID : undefined,
      body,
      valid: validation.valid,
      problems: validation.valid ? [] : validation.problems,
    });
  }

  // Before the kit, which refuses an invalid request without calling back: every request with a
  // body is counted, valid or not, with the problems of the schema of its own kind.
  const record: RequestHandler = (req, _res, next) => {
    if (req.method === 'POST' && req.body !== undefined) {
      if (req.path === `${apiVersion}/user/verify`) recordVerify(req, req.body);
      else if (req.path === `${apiVersion}/dataservices/dataGateway`) recordReport(req, req.body);
    }
    next();
  };

  const app = express();
  // Parsed here so that `record` sees the body; the kit's own parser then has nothing left to do.
  app.use(express.json({ limit: maxBodyBytes }));
  app.use(record);
  app.use(
    createPartnerKit({
      verifyUser: ({ loginId, authToken }) => {
        if (!users.has(loginId)) throw new InteropError(RetCodes.UnknownUser, `unknown user ${loginId}`);
        if (!tokenMatches(loginId, authToken)) throw new InteropError(RetCodes.TokenInvalid, `AuthToken is not valid for ${loginId}`);
        return true;
      },
      // Counted by `record`, valid or not.
      onReport: () => {},
      basePath: apiVersion,
      bodyLimit: maxBodyBytes,
      log: quiet,
    }),
  );
  app.use(cheaaNotFound);
  // The body parser's refusals (malformed JSON, too large) in the standard's body.
  app.use(cheaaErrorHandler(quiet));

  const server: Server = options.tls
    ? createHttpsServer({ ...options.tls, requestCert: true, rejectUnauthorized: true }, app)
    : createHttpServer(app);
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
