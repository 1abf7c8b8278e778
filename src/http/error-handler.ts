// Renders every failure — domain refusals, validator and body-parser errors, the unexpected —
// as the standard's body {RetCode, RetInfo}, with the HTTP status the RetCode registry gives.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { retCodeHttpStatus } from '../../generated/cheaa-c2c/platform.retcodes.ts';
import { InteropError, RetCodes, type RetCode } from '../domain/errors.ts';
import { StoreUnavailableError } from '../store/unavailable.ts';

interface HttpLikeError {
  status?: number;
  type?: string;
  message?: string;
  errors?: { path?: string; message?: string }[];
}

/** Where the validator reported a failure, without the `request/` prefix it adds. */
function firstProblem(err: HttpLikeError): string {
  const first = err.errors?.[0];
  if (!first) return err.message ?? 'invalid request';
  const path = (first.path ?? '').replace(/^\/?(request\/)?/, '').replace(/^\//, '');
  const message = first.message ?? err.message ?? 'is invalid';
  return path && !message.startsWith(path) ? `${path}: ${message}` : message;
}

/** Maps a thrown value to the RetCode and RetInfo of the reply. */
export function classify(err: unknown): { retCode: RetCode; retInfo: string; unexpected: boolean } {
  if (err instanceof InteropError) return { retCode: err.retCode, retInfo: err.message, unexpected: false };
  // Logged once per outage by the store, not once per request.
  if (err instanceof StoreUnavailableError) return { retCode: RetCodes.Unavailable, retInfo: 'the store is unavailable; retry later', unexpected: false };
  const e = (err ?? {}) as HttpLikeError;
  if (e.type === 'entity.parse.failed') return { retCode: RetCodes.BadRequest, retInfo: `malformed JSON: ${e.message}`, unexpected: false };
  if (e.type === 'entity.content.refused') return { retCode: RetCodes.BadRequest, retInfo: String(e.message), unexpected: false };
  if (e.type === 'entity.too.large') return { retCode: RetCodes.PayloadTooLarge, retInfo: 'request body too large', unexpected: false };
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
    return { retCode: RetCodes.UnsupportedMediaType, retInfo: `${e.message}; send UTF-8 JSON`, unexpected: false };
  }
  switch (e.status) {
    case 400:
      return { retCode: RetCodes.BadRequest, retInfo: firstProblem(e), unexpected: false };
    case 401:
      return { retCode: RetCodes.TokenMissing, retInfo: firstProblem(e), unexpected: false };
    case 404:
      return { retCode: RetCodes.InterfaceNotFound, retInfo: 'no interface at this path', unexpected: false };
    case 405:
      return { retCode: RetCodes.MethodNotAllowed, retInfo: `${firstProblem(e)}; every interface is a POST`, unexpected: false };
    case 413:
      return { retCode: RetCodes.PayloadTooLarge, retInfo: 'request body too large', unexpected: false };
    case 415:
      return { retCode: RetCodes.UnsupportedMediaType, retInfo: `${firstProblem(e)}; send application/json`, unexpected: false };
    default:
      return { retCode: RetCodes.InternalError, retInfo: 'internal error', unexpected: true };
  }
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
