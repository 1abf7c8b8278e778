// A B platform for the client tests (the other side of the wire from the partner kit, so not built
// on it), from the generated validator and dispatcher and the SDK's error replies: requests
// are checked against the spec, and each operation answers its standard example. A test may
// replace one operation's handler. It records what arrived, so tests can see the headers sent.
// One instance serves a whole suite (the validator takes about half a second to compile the
// document); `reset()` between tests brings it back to its first state.
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import type { TLSSocket } from 'node:tls';
import express from 'express';
import {
  cheaaPlatformDispatcher,
  type CheaaPlatformHandler,
  type CheaaPlatformHandlers,
  type CheaaPlatformOperationId,
} from '../../../generated/cheaa-c2c/platform.handlers.ts';
import { cheaaPlatformValidator } from '../../../generated/cheaa-c2c/platform.middleware.ts';
import { cheaaErrorHandler, cheaaNotFound } from '../../../src/sdk/error-replies.ts';
import { example, platformDoc } from './bundled.ts';
import { listen } from './listen.ts';

const headerExample = (name: string) => ((platformDoc.components as { headers: Record<string, { example: string }> }).headers[name]!).example;
/** The AccessToken and PlatID of the standard's 7.1.1 reply. */
export const issuedToken = headerExample('AccessToken');
export const respondingPlatId = headerExample('PlatID');

export interface ArrivedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Whether the caller presented a client certificate the server's CA signed. */
  authorized: boolean;
  peerCn: string | undefined;
}

export interface ExamplePlatform {
  baseUrl: string;
  arrived: ArrivedRequest[];
  replace<K extends CheaaPlatformOperationId>(operationId: K, handler: CheaaPlatformHandler<K, null>): void;
  reset(): void;
  close(): void;
}

const standard = <K extends CheaaPlatformOperationId>(operationId: K) => () => ({ status: 200 as const, body: example(platformDoc, `${operationId}.standard.response`) as never });

export async function startExamplePlatform(tls?: { ca: string; cert: string; key: string }): Promise<ExamplePlatform> {
  const liveTokens = new Set<string>();
  const standardHandlers: CheaaPlatformHandlers<null> = {
    user_login: () => {
      liveTokens.add(issuedToken);
      return { ...standard('user_login')(), headers: { PlatID: respondingPlatId, AccessToken: issuedToken } };
    },
    user_logout: ({ req }) => {
      liveTokens.delete(String(req.headers.accesstoken));
      return standard('user_logout')();
    },
    user_unregister: ({ req }) => {
      liveTokens.delete(String(req.headers.accesstoken));
      return { ...standard('user_unregister')(), headers: { PlatID: respondingPlatId } };
    },
    user_bindDevices: standard('user_bindDevices'),
    user_unbindDevices: standard('user_unbindDevices'),
    users_devices: standard('users_devices'),
    devices_deviceInfo: standard('devices_deviceInfo'),
    devices_modifyDeviceInfo: standard('devices_modifyDeviceInfo'),
    devices_deviceStatus: standard('devices_deviceStatus'),
    devices_op: standard('devices_op'),
  };
  const handlers = { ...standardHandlers };
  const arrived: ArrivedRequest[] = [];

  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    const socket = req.socket as Partial<TLSSocket>;
    arrived.push({
      path: req.path,
      headers: { ...req.headers },
      body: req.body,
      authorized: socket.authorized === true,
      peerCn: socket.getPeerCertificate?.()?.subject?.CN as string | undefined,
    });
    next();
  });
  app.use(
    cheaaPlatformValidator({
      securityHandlers: {
        AccessToken: (req) => liveTokens.has(String(req.headers.accesstoken)),
        PartnerCertificate: (req) => (req.socket as TLSSocket).authorized === true,
      },
    }),
  );
  app.use(cheaaPlatformDispatcher(handlers, () => null));
  app.use(cheaaNotFound);
  app.use(cheaaErrorHandler({ error: () => {} }));

  const server = tls
    ? createHttpsServer({ ...tls, requestCert: true, rejectUnauthorized: true }, app)
    : createHttpServer(app);
  const { port, close } = await listen(server);
  return {
    close,
    baseUrl: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/v1`,
    arrived,
    replace: (operationId, handler) => {
      (handlers as Record<CheaaPlatformOperationId, unknown>)[operationId] = handler;
    },
    reset: () => {
      Object.assign(handlers, standardHandlers);
      arrived.length = 0;
      liveTokens.clear();
    },
  };
}
