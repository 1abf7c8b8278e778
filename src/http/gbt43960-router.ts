// GB/T 43960 under /gbt43960/v1: the document's steps (document-router.ts), the caller being the
// application named in the packet (userId and, where the operation has x-body-token, its token:
// NOTES I-14), failures in the standard's own envelope {status, msg}.
import type { ErrorRequestHandler, RequestHandler, Router } from 'express';
import { gbt43960Dispatcher, gbt43960OperationIdOf, gbt43960Operations } from '../../generated/gbt43960/gbt43960.handlers.ts';
import { gbt43960Validator } from '../../generated/gbt43960/gbt43960.middleware.ts';
import { statusHttpStatus } from '../../generated/gbt43960/gbt43960.statuses.ts';
import { GbtError, Statuses, type Status } from '../domain/gbt43960/errors.ts';
import type { Caller, GbtService } from '../domain/gbt43960/service.ts';
import { retryAfterSeconds } from '../sdk/error-replies.ts';
import { StoreUnavailableError } from '../store/unavailable.ts';
import { gbtHandlers } from '../handlers/gbt43960/index.ts';
import { transportProblem, type TransportKind } from '../validation/transport-errors.ts';
import { documentRouter } from './document-router.ts';
import type { ErrorLogger } from './error-handler.ts';
import { rateLimit } from './rate-limit.ts';

const PREFIX = '/gbt43960/';

export interface Gbt43960RouterOptions {
  service: GbtService;
  log: ErrorLogger;
  bodyBytes: number;
  requestsPerSecondPerCaller: number;
  validateResponses?: boolean;
}

const statusOf: Record<TransportKind, Status> = {
  malformed: Statuses.MalformedPacket,
  invalid: Statuses.MalformedPacket,
  // No GB/T 43960 interface has a security scheme: credentials travel in the packet.
  unauthenticated: Statuses.MalformedPacket,
  'not-found': Statuses.UnknownInterface,
  method: Statuses.MethodNotAllowed,
  'too-large': Statuses.PayloadTooLarge,
  'media-type': Statuses.UnsupportedMediaType,
};

function classify(err: unknown): { status: Status; msg: string; unexpected: boolean } {
  if (err instanceof GbtError) return { status: err.status, msg: err.message, unexpected: false };
  if (err instanceof StoreUnavailableError) return { status: Statuses.Unavailable, msg: 'service unavailable; retry later', unexpected: false };
  const problem = transportProblem(err);
  if (problem) return { status: statusOf[problem.kind], msg: problem.detail, unexpected: false };
  return { status: Statuses.InternalError, msg: 'internal error', unexpected: true };
}

function gbtErrors(log: ErrorLogger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { status, msg, unexpected } = classify(err);
    if (unexpected) log.error({ err, requestId: (req as { id?: unknown }).id, path: req.path }, 'GB/T 43960 request failed');
    if (res.headersSent) return;
    // RFC 9110 section 15.5.6: a 405 names the methods the interface takes, POST only here.
    if (status === Statuses.MethodNotAllowed) res.set('Allow', 'POST');
    const retryAfter = retryAfterSeconds(statusHttpStatus[status]);
    if (retryAfter !== undefined) res.set('Retry-After', String(retryAfter));
    res.locals.replyBody = { status, msg };
    res.status(statusHttpStatus[status]).json(res.locals.replyBody);
  };
}

/** The caller of an operation with x-body-token, authenticated by the token in its packet. */
function bodyToken(service: GbtService): RequestHandler {
  return async (req, res, next) => {
    const operationId = gbt43960OperationIdOf(req);
    const field = operationId && gbt43960Operations[operationId].bodyToken;
    if (!field) return next();
    const body = req.body as { userId: string } & Record<string, unknown>;
    res.locals.gbtCaller = await service.authenticate(body.userId, body[field] as string | undefined);
    next();
  };
}

const unknownInterface: RequestHandler = (_req, res) => {
  res.locals.replyBody = { status: Statuses.UnknownInterface, msg: 'no interface at this path' };
  res.status(statusHttpStatus[Statuses.UnknownInterface]).json(res.locals.replyBody);
};

export function gbt43960Router(options: Gbt43960RouterOptions): Router {
  return documentRouter({
    owns: (req) => req.path.startsWith(PREFIX),
    bodyBytes: options.bodyBytes,
    validate: gbt43960Validator({ securityHandlers: {}, validateResponses: options.validateResponses ?? true }),
    identify: bodyToken(options.service),
    rateLimit: rateLimit({
      perSecond: options.requestsPerSecondPerCaller,
      // Every operation's packet names its application's user (the validator has checked it).
      callerOf: (req) => (req.body as { userId?: string } | undefined)?.userId,
      refusal: (userId, perSecond) => new GbtError(Statuses.TooManyRequests, `more than ${perSecond} requests per second from ${userId}; retry after 1 s`),
    }),
    dispatch: gbt43960Dispatcher(gbtHandlers, (req) => ({ service: options.service, caller: req.res!.locals.gbtCaller as Caller | undefined })),
    notFound: unknownInterface,
    render: gbtErrors(options.log),
  });
}
