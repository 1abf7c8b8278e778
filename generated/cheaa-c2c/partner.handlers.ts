// Generated from openapi/cheaa-c2c/partner.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import type { Request, RequestHandler } from 'express';
import type { operations } from './partner.types.ts';

export const cheaaPartnerOperationIds = ['user_verify', 'dataservices_dataGateway'] as const;
export type CheaaPartnerOperationId = (typeof cheaaPartnerOperationIds)[number];

/** What the spec says of each operation that the server needs at run time, read once here. */
export const cheaaPartnerOperations = {
  user_verify: { path: '/user/verify', clause: '7.1.4', requiredWithoutMtls: ['PlatID'], tokenRequired: false, bodyToken: null },
  dataservices_dataGateway: { path: '/dataservices/dataGateway', clause: '7.2.8', requiredWithoutMtls: [], tokenRequired: false, bodyToken: null },
} as const satisfies Record<CheaaPartnerOperationId, { path: string; clause: string; requiredWithoutMtls: readonly string[]; tokenRequired: boolean; bodyToken: string | null }>;

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type CheaaPartnerRequestBody<K extends CheaaPartnerOperationId> = JsonBody<NonNullable<operations[K]['requestBody']>>;
/** One documented response of an operation: its HTTP status and its body. */
export type CheaaPartnerReply<K extends CheaaPartnerOperationId> = {
  [S in keyof operations[K]['responses']]: {
    status: S;
    body: JsonBody<operations[K]['responses'][S]>;
    headers?: Record<string, string>;
  };
}[keyof operations[K]['responses']];

export type CheaaPartnerHandler<K extends CheaaPartnerOperationId, Ctx> = (input: {
  body: CheaaPartnerRequestBody<K>;
  ctx: Ctx;
  req: Request;
}) => Promise<CheaaPartnerReply<K>> | CheaaPartnerReply<K>;

/** Every operationId of the document mapped to its handler: a missing one is a compile error. */
export type CheaaPartnerHandlers<Ctx> = { [K in CheaaPartnerOperationId]: CheaaPartnerHandler<K, Ctx> };

/** The operation the validating middleware matched the request to (`req.openapi.schema.operationId`), if any. */
export function cheaaPartnerOperationIdOf(req: Request): CheaaPartnerOperationId | undefined {
  return (req as Request & { openapi?: { schema?: { operationId?: CheaaPartnerOperationId } } }).openapi?.schema?.operationId;
}

/**
 * Express middleware that runs the handler of the operation the validator matched. Mount it
 * after the validating middleware.
 */
export function cheaaPartnerDispatcher<Ctx>(handlers: CheaaPartnerHandlers<Ctx>, context: (req: Request) => Ctx): RequestHandler {
  const table = handlers as Record<string, CheaaPartnerHandler<CheaaPartnerOperationId, Ctx>>;
  return async (req, res, next) => {
    const operationId = cheaaPartnerOperationIdOf(req);
    const handler = operationId === undefined ? undefined : table[operationId];
    if (!handler) return next();
    const reply = await handler({ body: req.body, ctx: context(req), req });
    if (reply.headers) res.set(reply.headers);
    // The request log and the metrics name the reply's result code (RetCode, or GB/T's status).
    res.locals.replyBody = reply.body;
    res.status(Number(reply.status)).json(reply.body);
  };
}
