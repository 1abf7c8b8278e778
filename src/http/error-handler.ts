// Renders every failure — domain refusals, validator and body-parser errors, the unexpected —
// as the standard's body {RetCode, RetInfo}, with the HTTP status the RetCode registry gives.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { retCodeHttpStatus } from '../../generated/cheaa-c2c/platform.retcodes.ts';
import { InteropError, RetCodes, type RetCode } from '../domain/errors.ts';
import { StoreUnavailableError } from '../store/unavailable.ts';
import { transportProblem, type TransportKind } from './transport-errors.ts';

const retCodeOf: Record<TransportKind, RetCode> = {
  malformed: RetCodes.BadRequest,
  invalid: RetCodes.BadRequest,
  unauthenticated: RetCodes.TokenMissing,
  'not-found': RetCodes.InterfaceNotFound,
  method: RetCodes.MethodNotAllowed,
  'too-large': RetCodes.PayloadTooLarge,
  'media-type': RetCodes.UnsupportedMediaType,
};

/** Maps a thrown value to the RetCode and RetInfo of the reply. */
export function classify(err: unknown): { retCode: RetCode; retInfo: string; unexpected: boolean } {
  if (err instanceof InteropError) return { retCode: err.retCode, retInfo: err.message, unexpected: false };
  // Logged once per outage by the store, not once per request.
  if (err instanceof StoreUnavailableError) return { retCode: RetCodes.Unavailable, retInfo: 'the store is unavailable; retry later', unexpected: false };
  const problem = transportProblem(err);
  if (problem) return { retCode: retCodeOf[problem.kind], retInfo: problem.detail, unexpected: false };
  return { retCode: RetCodes.InternalError, retInfo: 'internal error', unexpected: true };
}

export interface ErrorLogger {
  error(obj: object, msg: string): void;
}

export function errorHandler(log: ErrorLogger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { retCode, retInfo, unexpected } = classify(err);
    const requestId = (req as { id?: unknown }).id;
    // Never log bodies: they carry tokens.
    if (unexpected) log.error({ err, requestId, path: req.path }, 'request failed');
    if (res.headersSent) return;
    // RFC 9110 section 15.5.6: a 405 names the methods the interface takes; clause 6.2 allows POST only.
    if (retCode === RetCodes.MethodNotAllowed) res.set('Allow', 'POST');
    res.status(retCodeHttpStatus[retCode]).json({ RetCode: retCode, RetInfo: unexpected && requestId ? `${retInfo} (request id ${String(requestId)})` : retInfo });
  };
}

/** The last middleware: a path that nothing served gets the standard's body, not Express's HTML page. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(retCodeHttpStatus[RetCodes.InterfaceNotFound]).json({ RetCode: RetCodes.InterfaceNotFound, RetInfo: 'no interface at this path' });
};
