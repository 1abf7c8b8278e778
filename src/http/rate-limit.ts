// A fixed one-second window per caller, so one caller cannot starve the others; each standard
// names its callers and refuses in its own body.
import type { Request, RequestHandler, Response } from 'express';
import { InteropError, RetCodes } from '../domain/errors.ts';

export interface RateLimitOptions {
  perSecond: number;
  /** Whom the request counts against; undefined: not counted. */
  callerOf(req: Request, res: Response): string | undefined;
  /** The standard's refusal of a caller over the limit. */
  refusal(caller: string, perSecond: number): Error;
}

export function rateLimit(options: RateLimitOptions): RequestHandler {
  let window = 0;
  let counts = new Map<string, number>();
  return (req, res, next) => {
    const caller = options.callerOf(req, res);
    if (caller === undefined) return next();
    const now = Math.floor(Date.now() / 1000);
    if (now !== window) {
      window = now;
      counts = new Map();
    }
    const count = (counts.get(caller) ?? 0) + 1;
    counts.set(caller, count);
    next(count > options.perSecond ? options.refusal(caller, options.perSecond) : undefined);
  };
}

/** The CHEAA interfaces' limit: per calling platform, refused with RetCode 429. */
export function cheaaRateLimit(perSecond: number, platformOf: RateLimitOptions['callerOf']): RequestHandler {
  return rateLimit({
    perSecond,
    callerOf: platformOf,
    refusal: (platId) => new InteropError(RetCodes.RateLimited, `more than ${perSecond} requests per second from ${platId}; retry after 1 s`),
  });
}
