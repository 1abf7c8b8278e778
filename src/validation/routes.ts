// How both engines find the operation of a request: one exact lookup of its URL path among the
// operation's paths under every base path of the document's servers.
import type { Request } from 'express';
import type { CompiledDocument, CompiledOperation } from './compiled-validator.ts';
import { ValidationError } from './errors.ts';

export interface Found<E> {
  entry: E;
  /** Whether the URL carries a query string. */
  hasQuery: boolean;
}

/**
 * The lookup of a request: its operation's entry; a 404 refusal for a path under one of the
 * document's base paths that no operation has; undefined for a path that is not the document's
 * (or any undocumented one, with `ignoreUndocumented`), which the caller passes on.
 */
export function operationLookup<E>(doc: CompiledDocument, ignoreUndocumented: boolean, entryOf: (operation: CompiledOperation) => E): (req: Request) => Found<E> | ValidationError | undefined {
  const byUrl = new Map<string, E>();
  for (const operation of doc.operations) {
    const entry = entryOf(operation);
    for (const url of operation.urls) byUrl.set(url, entry);
  }
  return (req) => {
    const query = req.originalUrl.indexOf('?');
    const url = query === -1 ? req.originalUrl : req.originalUrl.slice(0, query);
    const entry = byUrl.get(url);
    if (entry !== undefined) return { entry, hasQuery: query !== -1 };
    if (ignoreUndocumented || !doc.basePaths.some((base) => url === base || url.startsWith(`${base}/`))) return undefined;
    return new ValidationError(404, [{ path: req.path, message: 'not found' }]);
  };
}
