// RetCode 429: a fixed one-second window per partner platform, so one partner cannot starve others.
import type { RequestHandler } from 'express';
import { refuse, RetCodes } from '../domain/errors.ts';
import type { Partner } from '../domain/model.ts';

export function rateLimit(perSecond: number): RequestHandler {
  let window = 0;
  let counts = new Map<string, number>();
  return (_req, res, next) => {
    const partner = res.locals.partner as Partner | undefined;
    if (!partner) return next();
    const now = Math.floor(Date.now() / 1000);
    if (now !== window) {
      window = now;
      counts = new Map();
    }
    const count = (counts.get(partner.platId) ?? 0) + 1;
    counts.set(partner.platId, count);
    if (count > perSecond) refuse(RetCodes.RateLimited, `more than ${perSecond} requests per second from ${partner.platId}; retry after 1 s`);
    next();
  };
}
