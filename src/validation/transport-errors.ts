// What went wrong before an interface could run: the body is not JSON, not UTF-8, too large or
// refused; no interface is at the path, or not for this method; the credentials are missing; the
// request breaks the contract. One classification of the body parser's and the validating
// middleware's errors, which each standard renders with codes of its own.

export type TransportKind = 'malformed' | 'invalid' | 'unauthenticated' | 'not-found' | 'method' | 'too-large' | 'media-type';

export interface TransportProblem {
  kind: TransportKind;
  /** For the reply: what is wrong, naming the field where there is one. */
  detail: string;
}

interface HttpLikeError {
  status?: number;
  type?: string;
  message?: string;
  errors?: { path?: string; message?: string }[];
}

/** Where the validator reported a failure, without the `request/` prefix some validators add. */
function firstProblem(err: HttpLikeError): string {
  const first = err.errors?.[0];
  if (!first) return err.message ?? 'invalid request';
  const path = (first.path ?? '').replace(/^\/?(request\/)?/, '').replace(/^\//, '');
  const message = first.message ?? err.message ?? 'is invalid';
  return path && !message.startsWith(path) ? `${path}: ${message}` : message;
}

/** The problem `err` reports, or undefined when it is not one of these (an unexpected error). */
export function transportProblem(err: unknown): TransportProblem | undefined {
  const e = (err ?? {}) as HttpLikeError;
  switch (e.type) {
    case 'entity.parse.failed':
      return { kind: 'malformed', detail: `malformed JSON: ${e.message}` };
    case 'entity.content.refused':
      return { kind: 'invalid', detail: String(e.message) };
    case 'entity.too.large':
      return { kind: 'too-large', detail: 'request body too large' };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { kind: 'media-type', detail: `${e.message}; send UTF-8 JSON` };
  }
  switch (e.status) {
    case 400:
      return { kind: 'invalid', detail: firstProblem(e) };
    case 401:
      return { kind: 'unauthenticated', detail: firstProblem(e) };
    case 404:
      return { kind: 'not-found', detail: 'no interface at this path' };
    case 405:
      return { kind: 'method', detail: `${firstProblem(e)}; every interface is a POST` };
    case 413:
      return { kind: 'too-large', detail: 'request body too large' };
    case 415:
      return { kind: 'media-type', detail: `${firstProblem(e)}; send application/json` };
    default:
      return undefined;
  }
}
