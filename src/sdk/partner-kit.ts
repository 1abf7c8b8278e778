// Hosts the interfaces an A platform offers its B platforms (partner.yaml): 7.1.4 user verify and
// 7.2.8 the data gateway, validated (requests and replies) and dispatched by the generated
// partner middleware, answering in the standard's body whatever happens.
import type { TLSSocket } from 'node:tls';
import express, { Router, type Request, type RequestHandler } from 'express';
import {
  cheaaPartnerDispatcher,
  cheaaPartnerOperationIdOf,
  cheaaPartnerOperations,
  type CheaaPartnerHandlers,
  type CheaaPartnerOperationId,
} from '../../generated/cheaa-c2c/partner.handlers.ts';
import { cheaaPartnerDocument, cheaaPartnerValidator } from '../../generated/cheaa-c2c/partner.middleware.ts';
import type { components } from '../../generated/cheaa-c2c/partner.types.ts';
import { cheaaErrorHandler, cheaaNotFound, type ErrorLogger } from './error-replies.ts';
import { RetCodes, refuse } from './interop-error.ts';
import { memorySeenEvents, type SeenEvents } from './seen-events.ts';

export type DataGatewayReport = components['schemas']['DataGatewayReport'];
export type PartnerUser = components['schemas']['UserWithLoginID'];
/** The interfaces the kit serves: 7.1.4 `user_verify` and 7.2.8 `dataservices_dataGateway`. */
export type PartnerOperationId = CheaaPartnerOperationId;

export interface VerifyUserInput {
  /** `UserBase.loginID`: the user on this (the A) platform. */
  loginId: string;
  /** The AuthToken the user presented to the B platform at login (table 26). */
  authToken: string;
  /** The calling B platform's PlatID header; may be absent under mutual TLS (clause 7.1). */
  platId: string | undefined;
  appId: string | undefined;
  /** The whole user object of the request. */
  user: PartnerUser;
}

export interface ReportContext {
  /** The EventID header (project extension); absent from senders that follow only the standard. */
  eventId: string | undefined;
  /** The calling B platform's PlatID header; may be absent under mutual TLS (clause 7.1). */
  platId: string | undefined;
}

export interface PartnerKitOptions {
  /**
   * 7.1.4: answer true when `authToken` is this platform's token for `loginId`. Anything but
   * true refuses with RetCode 4032; throw an InteropError to refuse with another RetCode (for
   * example 4042, unknown user).
   */
  verifyUser(input: VerifyUserInput): boolean | Promise<boolean>;
  /**
   * 7.2.8: one report, once per EventID. Throwing refuses it (an InteropError with its RetCode,
   * anything else with 5000) and forgets the EventID, so the sender's retry is delivered.
   */
  onReport(report: DataGatewayReport, context: ReportContext): void | Promise<void>;
  /** Where delivered EventIDs are kept (default: the last 10 000, in memory). */
  seen?: SeenEvents;
  /** Where the interfaces live, before `/user/verify` and `/dataservices/dataGateway` (default `/v1`, clause 6.3). */
  basePath?: string;
  /** The largest request body accepted, in express.json's notation (default `100kb`). */
  bodyLimit?: string | number;
  /** Where unexpected failures are logged (default: stderr). Request bodies are never logged. */
  log?: ErrorLogger;
  /**
   * Express middleware run on each request that passed validation and the caller checks, just
   * before `verifyUser` or `onReport`; `partnerOperationOf(req)` names the interface and `req.body`
   * is the validated body. Call `next()` to go on; throw (or pass to `next`) an InteropError to
   * refuse with its RetCode; or answer or close the response yourself to end the request there.
   * For what one interface needs and the other not (metering, a quota per caller), and for a test
   * partner that answers late, fails or hangs up.
   */
  beforeHandler?: RequestHandler;
}

/** Who sent a request to the partner interfaces, as its headers say. */
export interface PartnerCaller {
  platId: string | undefined;
  appId: string | undefined;
  eventId: string | undefined;
}

// The standard's own RetInfo of each success (the `standard` response examples of 7.1.4 and 7.2.8).
const VERIFIED = '身份验证成功';
const REPORTED = '上报成功';

const viaMutualTls = (req: Request) => (req.socket as TLSSocket).authorized === true;

/** The partner document's security schemes: a B platform's client certificate under mutual TLS. */
export const partnerSecurityHandlers = { PartnerCertificate: viaMutualTls };

/** The interface a validated request is for; undefined before validation or for an unknown path. */
export const partnerOperationOf = (req: Request): PartnerOperationId | undefined => cheaaPartnerOperationIdOf(req);

export const partnerCaller = (req: Request): PartnerCaller => ({ platId: req.get('PlatID'), appId: req.get('AppID'), eventId: req.get('EventID') });

/** The path the validator serves: the base path of the spec's server URL (`/v1`). */
const specBasePath = cheaaPartnerDocument.basePaths[0]!;

/**
 * The validator matches `req.originalUrl` against the spec's server path, so a kit
 * mounted anywhere else would go unvalidated. The validator sees the request as if the kit were
 * mounted there; the real URL is back before anything else sees the request.
 */
function atSpecPath(validator: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const originalUrl = req.originalUrl;
    req.originalUrl = specBasePath + req.url;
    validator(req, res, (err?: unknown) => {
      req.originalUrl = originalUrl;
      next(err);
    });
  };
}

/** Over plain HTTP the caller names itself in the headers the spec marks x-required-without-mtls (clause 7.1). */
export const requiredWithoutMtls: RequestHandler = (req, _res, next) => {
  const operationId = cheaaPartnerOperationIdOf(req);
  if (operationId === undefined || viaMutualTls(req)) return next();
  const missing = cheaaPartnerOperations[operationId].requiredWithoutMtls.filter((name) => req.get(name) === undefined);
  if (missing.length > 0) {
    refuse(RetCodes.BadRequest, `header ${missing.join(', ')} is required without mutual TLS (clause 7.1): send it, or connect with your platform certificate`);
  }
  next();
};

const stderrLog: ErrorLogger = { error: (obj, msg) => console.error(msg, obj) };

/**
 * The partner interfaces' handlers, for a host that assembles its own router around the generated
 * validator and dispatcher (the reference platform does); `createPartnerKit` is the whole router.
 */
export function partnerHandlers(options: Pick<PartnerKitOptions, 'verifyUser' | 'onReport' | 'seen'>): CheaaPartnerHandlers<PartnerCaller> {
  const seen = options.seen ?? memorySeenEvents();
  return {
    user_verify: async ({ body, ctx }) => {
      // The validator holds User to exactly one element (UserVerifyRequest); a type cannot say so.
      const user = body.User[0]!;
      const loginId = user.UserBase.loginID;
      const verified = await options.verifyUser({ loginId, authToken: body.AuthToken, platId: ctx.platId, appId: ctx.appId, user });
      // Only an explicit true lets the user in.
      if (verified !== true) refuse(RetCodes.UserVerifyRefused, `the AuthToken is not valid for loginID ${loginId}`);
      return { status: 200, body: { RetCode: RetCodes.Ok, RetInfo: VERIFIED } };
    },
    dataservices_dataGateway: async ({ body, ctx }) => {
      const { eventId, platId } = ctx;
      if (eventId !== undefined && !(await seen.claim(eventId, platId, body))) {
        // At-least-once delivery: a retry of a delivered report is acknowledged, not delivered again.
        return { status: 200, body: { RetCode: RetCodes.Ok, RetInfo: `${REPORTED} (EventID ${eventId} was already delivered)` } };
      }
      try {
        await options.onReport(body, { eventId, platId });
      } catch (error) {
        // Not handling the error: the claim must not outlive a failed delivery, or the retry would be dropped.
        if (eventId !== undefined) await seen.release(eventId, platId);
        throw error;
      }
      return { status: 200, body: { RetCode: RetCodes.Ok, RetInfo: REPORTED } };
    },
  };
}

/** An Express router serving the partner interfaces under `basePath`; mount it with `app.use(kit)`. */
export function createPartnerKit(options: PartnerKitOptions): Router {
  const api = Router();
  api.use(express.json({ limit: options.bodyLimit ?? '100kb' }));
  api.use(atSpecPath(cheaaPartnerValidator({ securityHandlers: partnerSecurityHandlers })));
  api.use(requiredWithoutMtls);
  if (options.beforeHandler) api.use(options.beforeHandler);
  api.use(cheaaPartnerDispatcher(partnerHandlers(options), partnerCaller));
  api.use(cheaaNotFound);
  api.use(cheaaErrorHandler(options.log ?? stderrLog));

  const kit = Router();
  kit.use(options.basePath ?? specBasePath, api);
  return kit;
}
