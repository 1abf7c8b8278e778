// Generated from openapi/cheaa-c2c/platform.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import type { Request, RequestHandler } from 'express';
import type { operations } from './platform.types.ts';

export const cheaaPlatformOperationIds = ['user_login', 'user_logout', 'user_unregister', 'user_bindDevices', 'user_unbindDevices', 'users_devices', 'devices_deviceInfo', 'devices_modifyDeviceInfo', 'devices_deviceStatus', 'devices_op'] as const;
export type CheaaPlatformOperationId = (typeof cheaaPlatformOperationIds)[number];

/** What the spec says of each operation that the server needs at run time, read once here. */
export const cheaaPlatformOperations = {
  user_login: { path: '/user/login', clause: '7.1.1', requiredWithoutMtls: ['PlatID'], tokenRequired: false, bodyToken: null },
  user_logout: { path: '/user/logout', clause: '7.1.2', requiredWithoutMtls: ['PlatID'], tokenRequired: true, bodyToken: null },
  user_unregister: { path: '/user/unregister', clause: '7.1.3', requiredWithoutMtls: ['PlatID'], tokenRequired: true, bodyToken: null },
  user_bindDevices: { path: '/user/bindDevices', clause: '7.2.1', requiredWithoutMtls: ['PlatID', 'AppID'], tokenRequired: false, bodyToken: null },
  user_unbindDevices: { path: '/user/unbindDevices', clause: '7.2.2', requiredWithoutMtls: ['PlatID'], tokenRequired: false, bodyToken: null },
  users_devices: { path: '/users/devices', clause: '7.2.3', requiredWithoutMtls: ['PlatID', 'AppID'], tokenRequired: false, bodyToken: null },
  devices_deviceInfo: { path: '/devices/deviceInfo', clause: '7.2.4', requiredWithoutMtls: ['PlatID'], tokenRequired: false, bodyToken: null },
  devices_modifyDeviceInfo: { path: '/devices/modifyDeviceInfo', clause: '7.2.5', requiredWithoutMtls: ['PlatID'], tokenRequired: false, bodyToken: null },
  devices_deviceStatus: { path: '/devices/deviceStatus', clause: '7.2.6', requiredWithoutMtls: ['PlatID'], tokenRequired: false, bodyToken: null },
  devices_op: { path: '/devices/op', clause: '7.2.7', requiredWithoutMtls: ['PlatID'], tokenRequired: true, bodyToken: null },
} as const satisfies Record<CheaaPlatformOperationId, { path: string; clause: string; requiredWithoutMtls: readonly string[]; tokenRequired: boolean; bodyToken: string | null }>;

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type CheaaPlatformRequestBody<K extends CheaaPlatformOperationId> = JsonBody<NonNullable<operations[K]['requestBody']>>;
/** One documented response of an operation: its HTTP status and its body. */
export type CheaaPlatformReply<K extends CheaaPlatformOperationId> = {
  [S in keyof operations[K]['responses']]: {
    status: S;
    body: JsonBody<operations[K]['responses'][S]>;
    headers?: Record<string, string>;
  };
}[keyof operations[K]['responses']];

export type CheaaPlatformHandler<K extends CheaaPlatformOperationId, Ctx> = (input: {
  body: CheaaPlatformRequestBody<K>;
  ctx: Ctx;
  req: Request;
}) => Promise<CheaaPlatformReply<K>> | CheaaPlatformReply<K>;

/** Every operationId of the document mapped to its handler: a missing one is a compile error. */
export type CheaaPlatformHandlers<Ctx> = { [K in CheaaPlatformOperationId]: CheaaPlatformHandler<K, Ctx> };

/** The operation the validating middleware matched the request to (`req.openapi.schema.operationId`), if any. */
export function cheaaPlatformOperationIdOf(req: Request): CheaaPlatformOperationId | undefined {
  return (req as Request & { openapi?: { schema?: { operationId?: CheaaPlatformOperationId } } }).openapi?.schema?.operationId;
}

/**
 * Express middleware that runs the handler of the operation the validator matched. Mount it
 * after the validating middleware.
 */
export function cheaaPlatformDispatcher<Ctx>(handlers: CheaaPlatformHandlers<Ctx>, context: (req: Request) => Ctx): RequestHandler {
  const table = handlers as Record<string, CheaaPlatformHandler<CheaaPlatformOperationId, Ctx>>;
  return async (req, res, next) => {
    const operationId = cheaaPlatformOperationIdOf(req);
    const handler = operationId === undefined ? undefined : table[operationId];
    if (!handler) return next();
    const reply = await handler({ body: req.body, ctx: context(req), req });
    if (reply.headers) res.set(reply.headers);
    // The request log and the metrics name the reply's result code (RetCode, or GB/T's status).
    res.locals.replyBody = reply.body;
    res.status(Number(reply.status)).json(reply.body);
  };
}
