// The document's security requirements, evaluated for one operation: any one alternative of
// schemes must be met, each scheme judged by the handler the application gives for it.
import type { Request, RequestHandler } from 'express';
import { ValidationError } from './errors.ts';

export type SecurityHandlers = Record<string, (req: Request) => boolean | Promise<boolean>>;

export interface SecurityDescription {
  /** What a request lacks when a scheme refuses it, in the reply's message. */
  credentials: Record<string, string>;
  /** apiKey schemes in a header, by lower-case header name: a missing header fails the scheme
   * before its handler is asked. */
  headerKeys: Record<string, string>;
}

export function security(alternatives: string[][], doc: SecurityDescription, handlers: SecurityHandlers): RequestHandler {
  // A scheme presented in a header fails without it, before its handler is asked.
  const verdict = (scheme: string, req: Request) => {
    const header = doc.headerKeys[scheme];
    return header !== undefined && req.headers[header] === undefined ? false : handlers[scheme]!(req);
  };
  const refusal = (req: Request, missing: string[]) => new ValidationError(401, [{ path: req.path, message: `${missing.join(' and ')} required` }]);
  // Asked again from the start when a handler answers with a promise, and to name what a refused
  // request lacks: handlers are checks, not actions, and the synchronous ones (all of this
  // project's) cost no microtask on a request that passes.
  const missingCredentials = async (req: Request): Promise<string[] | undefined> => {
    let missing: string[] | undefined;
    for (const alternative of alternatives) {
      const failed: string[] = [];
      for (const scheme of alternative) if ((await verdict(scheme, req)) !== true) failed.push(doc.credentials[scheme]!);
      if (failed.length === 0) return undefined;
      if (!missing || failed.length < missing.length) missing = failed;
    }
    return missing;
  };
  const judgeLater = (req: Request, next: (err?: unknown) => void) => {
    missingCredentials(req).then((missing) => next(missing === undefined ? undefined : refusal(req, missing)), next);
  };
  return (req, _res, next) => {
    if (alternatives.length === 0) return next();
    // The first alternative met lets the request in; each is given up at its first failed scheme.
    for (const alternative of alternatives) {
      let met = true;
      for (const scheme of alternative) {
        const answer = verdict(scheme, req);
        if (typeof answer !== 'boolean') return judgeLater(req, next);
        if (!answer) {
          met = false;
          break;
        }
      }
      if (met) return next();
    }
    judgeLater(req, next);
  };
}
