// A request id on every request, and per reply one log line and its metrics: the operationId, the
// HTTP status and the result code of the body (RetCode, or GB/T 43960's status). Bodies are never
// logged: they carry tokens. Paths are logged as the client sent them (/v1/…, /gbt43960/v1/…).
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { PlatformMetrics } from '../metrics.ts';

const operationOf = (req: Request) => (req as Request & { openapi?: { schema?: { operationId?: string } } }).openapi?.schema?.operationId ?? 'none';

function resultCodeOf(body: unknown): string {
  const reply = body as { RetCode?: unknown; status?: unknown } | undefined;
  const code = reply?.RetCode ?? reply?.status;
  return code === undefined ? 'none' : String(code);
}

export function requestLog(log: Logger, metrics?: PlatformMetrics): RequestHandler {
  return (req, res, next) => {
    const id = req.get('x-request-id') ?? randomUUID();
    (req as { id?: string }).id = id;
    res.setHeader('x-request-id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const retCode = resultCodeOf(res.locals.replyBody);
      metrics?.request(operationOf(req), res.statusCode, retCode, seconds);
      if (!log.isLevelEnabled('info')) return;
      const query = req.originalUrl.indexOf('?');
      const path = query === -1 ? req.originalUrl : req.originalUrl.slice(0, query);
      log.info({ requestId: id, method: req.method, path, status: res.statusCode, retCode, ms: Math.round(seconds * 1e4) / 10, platId: res.locals.partner?.platId }, 'request');
    });
    next();
  };
}
