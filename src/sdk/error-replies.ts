// Renders every failure of a CHEAA interface — refusals, the body parser's and the validator's
// errors, the unexpected — as the standard's body {RetCode, RetInfo}, with the HTTP status the
// RetCode registry gives. The partner kit and the platform's CHEAA routers answer through it.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { retCodeHttpStatus } from '../../generated/cheaa-c2c/platform.retcodes.ts';
import { transportProblem, type TransportKind } from '../validation/transport-errors.ts';
import { InteropError, RetCodes, type RetCode } from './interop-error.ts';

const retCodeOf: Record<TransportKind, RetCode> = {
  malformed: RetCodes.BadRequest,
  invalid: RetCodes.BadRequest,
  unauthenticated: RetCodes.TokenMissing,
  'not-found': RetCodes.InterfaceNotFound,
  method: RetCodes.MethodNotAllowed,
  'too-large': RetCodes.PayloadTooLarge,
  'media-type': RetCodes.UnsupportedMediaType,
};

export interface Failure {
  retCode: RetCode;
  retInfo: string;
}

/** Failures a host knows beyond the contract's own (the platform: its store being out of reach). */
export type FailureClassifier = (err: unknown) => Failure | undefined;

export interface ErrorLogger {
  error(obj: object, msg: string): void;
}

/**
 * The Retry-After (RFC 9110 section 10.2.3) of a reply with this HTTP status, in seconds: the rate
 * limits count requests per second, and a store outage is a reconnection, usually over in seconds.
 * Other refusals are not cured by waiting.
 */
export function retryAfterSeconds(httpStatus: number): number | undefined {
  if (httpStatus === 429) return 1;
  if (httpStatus === 503) return 5;
  return undefined;
}

/** The RetCode and RetInfo of the reply to `err`; `unexpected` when nothing recognised it. */
export function cheaaFailure(err: unknown, known?: FailureClassifier): Failure & { unexpected: boolean } {
  if (err instanceof InteropError) return { retCode: err.retCode, retInfo: err.message, unexpected: false };
  const failure = known?.(err);
  if (failure) return { ...failure, unexpected: false };
  const problem = transportProblem(err);
  if (problem) return { retCode: retCodeOf[problem.kind], retInfo: problem.detail, unexpected: false };
  return { retCode: RetCodes.InternalError, retInfo: 'internal error', unexpected: true };
}

export function cheaaErrorHandler(log: ErrorLogger, known?: FailureClassifier): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { retCode, retInfo, unexpected } = cheaaFailure(err, known);
    const requestId = (req as { id?: unknown }).id;
    // Never log bodies: they carry tokens.
    if (unexpected) log.error({ err, requestId, path: req.path }, 'request failed');
    if (res.headersSent) return;
    // RFC 9110 section 15.5.6: a 405 names the methods the interface takes; clause 6.2 allows POST only.
    if (retCode === RetCodes.MethodNotAllowed) res.set('Allow', 'POST');
    const retryAfter = retryAfterSeconds(retCodeHttpStatus[retCode]);
    if (retryAfter !== undefined) res.set('Retry-After', String(retryAfter));
    const body = { RetCode: retCode, RetInfo: unexpected && requestId ? `${retInfo} (request id ${String(requestId)})` : retInfo };
    // A host's request log may name the reply's RetCode (the platform's does).
    res.locals.replyBody = body;
    res.status(retCodeHttpStatus[retCode]).json(body);
  };
}

/** The last middleware: a path that nothing served gets the standard's body, not Express's HTML page. */
export const cheaaNotFound: RequestHandler = (_req, res) => {
  res.locals.replyBody = { RetCode: RetCodes.InterfaceNotFound, RetInfo: 'no interface at this path' };
  res.status(retCodeHttpStatus[RetCodes.InterfaceNotFound]).json(res.locals.replyBody);
};
