// GB/T 43960 under /gbt43960/v1: its own validator, the body-token check of every operation that
// carries x-body-token (NOTES I-14), and failures in its own envelope {status, msg}.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { Router } from 'express';
import { gbt43960Dispatcher, gbt43960Operations, type Gbt43960OperationId } from '../../generated/gbt43960/gbt43960.handlers.ts';
import { gbt43960Validator } from '../../generated/gbt43960/gbt43960.middleware.ts';
import { statusHttpStatus } from '../../generated/gbt43960/gbt43960.statuses.ts';
import { GbtError, Statuses, type Status } from '../domain/gbt43960/errors.ts';
import type { Caller, GbtService } from '../domain/gbt43960/service.ts';
import { StoreUnavailableError } from '../store/unavailable.ts';
import { gbtHandlers } from '../handlers/gbt43960/index.ts';
import type { ErrorLogger } from './error-handler.ts';
import { transportProblem, type TransportKind } from './transport-errors.ts';

const PREFIX = '/gbt43960/';

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
    res.status(statusHttpStatus[status]).json({ status, msg });
  };
}

const operationIdOf = (req: Request) => (req as Request & { openapi?: { schema?: { operationId?: string } } }).openapi?.schema?.operationId as Gbt43960OperationId | undefined;

function bodyToken(service: GbtService): RequestHandler {
  return async (req, res, next) => {
    const operationId = operationIdOf(req);
    const field = operationId && gbt43960Operations[operationId].bodyToken;
    if (!field) return next();
    const body = req.body as { userId: string } & Record<string, unknown>;
    res.locals.gbtCaller = await service.authenticate(body.userId, body[field] as string | undefined);
    next();
  };
}

/**
 * Errors raised before the router ran (malformed or refused JSON, oversized bodies in jsonBody) for
 * GB/T paths, answered in the GB/T envelope; others go on to the CHEAA error handler.
 */
export function gbt43960Errors(log: ErrorLogger): ErrorRequestHandler {
  const handle = gbtErrors(log);
  return (err, req, res, next) => (req.path.startsWith(PREFIX) ? handle(err, req, res, next) : next(err));
}

export function gbt43960Router(options: { service: GbtService; log: ErrorLogger; validateResponses?: boolean }): Router {
  const inner = Router();
  inner.use(gbt43960Validator({ securityHandlers: {}, validateResponses: options.validateResponses ?? true }));
  inner.use(bodyToken(options.service));
  inner.use(gbt43960Dispatcher(gbtHandlers, (req) => ({ service: options.service, caller: req.res!.locals.gbtCaller as Caller | undefined })));
  inner.use((_req, res) => {
    res.status(statusHttpStatus[Statuses.UnknownInterface]).json({ status: Statuses.UnknownInterface, msg: 'no interface at this path' });
  });
  inner.use(gbtErrors(options.log));
  const outer = Router();
  // Requests outside the prefix belong to the CHEAA documents.
  outer.use((req, res, next) => (req.path.startsWith(PREFIX) ? inner(req, res, next) : next()));
  return outer;
}
