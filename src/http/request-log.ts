// A request id on every request and one log line per reply. Bodies are never logged: they carry tokens.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const id = req.get('x-request-id') ?? randomUUID();
    (req as { id?: string }).id = id;
    res.setHeader('x-request-id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (!log.isLevelEnabled('info')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ requestId: id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, platId: res.locals.partner?.platId }, 'request');
    });
    next();
  };
}
