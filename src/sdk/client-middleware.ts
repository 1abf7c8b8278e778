// openapi-fetch middleware of the SDK's clients: a deadline on every call, and every reply that is
// not RetCode "200" (or no usable reply at all) turned into a CheaaApiError.
import type { Middleware } from 'openapi-fetch';
import { RetCodes, type RetCode } from '../../generated/cheaa-c2c/platform.retcodes.ts';
import { CheaaApiError, type CheaaOperationId, type DeviceFailure } from './errors.ts';

export interface ReplyOptions {
  /** The operationId of a path of the document (openapi-fetch's `schemaPath`). */
  operationOf: (schemaPath: string) => CheaaOperationId;
  timeoutMs: number;
}

/** Maps openapi-fetch's schemaPath back to the operationId, from a generated operation table. */
export function operationLookup<Id extends CheaaOperationId>(table: Record<Id, { path: string }>): (schemaPath: string) => Id {
  const byPath = new Map(Object.entries<{ path: string }>(table).map(([id, op]) => [op.path, id as Id]));
  return (schemaPath) => {
    const id = byPath.get(schemaPath);
    if (id === undefined) throw new Error(`no operation of the document at ${schemaPath}`);
    return id;
  };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `no reply within ${timeoutMs} ms`;
  // undici reports every connection failure as "fetch failed"; the reason is in `cause`.
  const cause = e.cause?.message ? ` (${[e.cause.code, e.cause.message].filter(Boolean).join(': ')})` : '';
  return `could not reach the platform: ${e.message ?? String(error)}${cause}`;
}

function noReply(operationId: CheaaOperationId, request: Request, error: unknown, timeoutMs: number): CheaaApiError {
  return new CheaaApiError({
    operationId,
    retCode: RetCodes.PartnerUnreachable,
    retInfo: `${request.method} ${request.url}: ${describeFailure(error, timeoutMs)}`,
    httpStatus: undefined,
    cause: error,
  });
}

/** Every call gets `timeoutMs` to complete, body included; running out, or failing to connect, is a CheaaApiError. */
export function deadline({ operationOf, timeoutMs }: ReplyOptions): Middleware {
  return {
    onRequest: ({ request }) => new Request(request, { signal: AbortSignal.timeout(timeoutMs) }),
    onError: ({ request, error, schemaPath }) => noReply(operationOf(schemaPath), request, error, timeoutMs),
  };
}

const retCodes = new Set<string>(Object.values(RetCodes));
const isRetCode = (value: unknown): value is RetCode => typeof value === 'string' && retCodes.has(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The RetCode decides, not the HTTP status: platforms that follow only the standard answer
 * HTTP 200 with RetCode 500. A reply that is not the standard's body (a proxy's HTML page, an
 * unknown RetCode) is RetCode 502, as from a bad gateway.
 */
export function retCodeErrors({ operationOf, timeoutMs }: ReplyOptions): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      const operationId = operationOf(schemaPath);
      const unusable = (why: string) =>
        new CheaaApiError({ operationId, retCode: RetCodes.PartnerUnreachable, retInfo: `${request.method} ${request.url}: ${why}`, httpStatus: response.status });
      let text: string;
      try {
        text = await response.clone().text();
      } catch (error) {
        throw noReply(operationId, request, error, timeoutMs);
      }
      let reply: unknown;
      try {
        reply = JSON.parse(text);
      } catch {
        throw unusable(`the reply is not JSON (HTTP ${response.status}, ${response.headers.get('content-type') ?? 'no content type'})`);
      }
      if (!isRecord(reply) || !isRetCode(reply.RetCode)) {
        const found = isRecord(reply) && 'RetCode' in reply ? `RetCode ${JSON.stringify(reply.RetCode)}, which the spec does not define` : 'no RetCode';
        throw unusable(`the reply carries ${found} (HTTP ${response.status})`);
      }
      if (reply.RetCode === RetCodes.Ok) return undefined;
      throw new CheaaApiError({
        operationId,
        retCode: reply.RetCode,
        retInfo: typeof reply.RetInfo === 'string' ? reply.RetInfo : '',
        httpStatus: response.status,
        failedIds: Array.isArray(reply.FailedIDs) ? (reply.FailedIDs as string[]) : undefined,
        failures: Array.isArray(reply.Failures) ? (reply.Failures as DeviceFailure[]) : undefined,
      });
    },
  };
}
