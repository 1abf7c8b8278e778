// Generated from openapi/gbt43960/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import type { Request, RequestHandler } from 'express';
import type { operations } from './gbt43960.types.ts';

export const gbt43960OperationIds = ['token', 'device_auth', 'device_query', 'gateway_create', 'device_identifier_save', 'device_identifier_query', 'interface_register', 'interface_list'] as const;
export type Gbt43960OperationId = (typeof gbt43960OperationIds)[number];

/** What the spec says of each operation that the server needs at run time, read once here. */
export const gbt43960Operations = {
  token: { path: '/token', clause: '9', requiredWithoutMtls: [], tokenRequired: false, bodyToken: null },
  device_auth: { path: '/device/auth', clause: 'A.2.4', requiredWithoutMtls: [], tokenRequired: false, bodyToken: 'access_token' },
  device_query: { path: '/device/query', clause: 'A.2.5', requiredWithoutMtls: [], tokenRequired: false, bodyToken: 'access_token' },
  gateway_create: { path: '/gateway/create', clause: 'A.2.6', requiredWithoutMtls: [], tokenRequired: false, bodyToken: 'access_token' },
  device_identifier_save: { path: '/device/identifier/save', clause: 'A.2.7', requiredWithoutMtls: [], tokenRequired: false, bodyToken: 'access_token' },
  device_identifier_query: { path: '/device/identifier/query', clause: 'A.2.7', requiredWithoutMtls: [], tokenRequired: false, bodyToken: 'access_token' },
  interface_register: { path: '/interface/register', clause: '9', requiredWithoutMtls: [], tokenRequired: false, bodyToken: 'access_token' },
  interface_list: { path: '/interface/list', clause: '9', requiredWithoutMtls: [], tokenRequired: false, bodyToken: 'access_token' },
} as const satisfies Record<Gbt43960OperationId, { path: string; clause: string; requiredWithoutMtls: readonly string[]; tokenRequired: boolean; bodyToken: string | null }>;

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Gbt43960RequestBody<K extends Gbt43960OperationId> = JsonBody<NonNullable<operations[K]['requestBody']>>;
/** One documented response of an operation: its HTTP status and its body. */
export type Gbt43960Reply<K extends Gbt43960OperationId> = {
  [S in keyof operations[K]['responses']]: {
    status: S;
    body: JsonBody<operations[K]['responses'][S]>;
    headers?: Record<string, string>;
  };
}[keyof operations[K]['responses']];

export type Gbt43960Handler<K extends Gbt43960OperationId, Ctx> = (input: {
  body: Gbt43960RequestBody<K>;
  ctx: Ctx;
  req: Request;
}) => Promise<Gbt43960Reply<K>> | Gbt43960Reply<K>;

/** Every operationId of the document mapped to its handler: a missing one is a compile error. */
export type Gbt43960Handlers<Ctx> = { [K in Gbt43960OperationId]: Gbt43960Handler<K, Ctx> };

/** The operation the validating middleware matched the request to (`req.openapi.schema.operationId`), if any. */
export function gbt43960OperationIdOf(req: Request): Gbt43960OperationId | undefined {
  return (req as Request & { openapi?: { schema?: { operationId?: Gbt43960OperationId } } }).openapi?.schema?.operationId;
}

/**
 * Express middleware that runs the handler of the operation the validator matched. Mount it
 * after the validating middleware.
 */
export function gbt43960Dispatcher<Ctx>(handlers: Gbt43960Handlers<Ctx>, context: (req: Request) => Ctx): RequestHandler {
  const table = handlers as Record<string, Gbt43960Handler<Gbt43960OperationId, Ctx>>;
  return async (req, res, next) => {
    const operationId = gbt43960OperationIdOf(req);
    const handler = operationId === undefined ? undefined : table[operationId];
    if (!handler) return next();
    const reply = await handler({ body: req.body, ctx: context(req), req });
    if (reply.headers) res.set(reply.headers);
    // The request log and the metrics name the reply's result code (RetCode, or GB/T's status).
    res.locals.replyBody = reply.body;
    res.status(Number(reply.status)).json(reply.body);
  };
}
