// The generated validating middleware and dispatcher on a throwaway Express app: a valid request
// reaches its handler, an invalid one is refused in the standard's body, and a handler's reply
// that breaks the contract never leaves the server.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { cheaaPlatformDispatcher, type CheaaPlatformHandlers } from '../../generated/cheaa-c2c/platform.handlers.ts';
import { cheaaPlatformValidator } from '../../generated/cheaa-c2c/platform.middleware.ts';
import { errorHandler, notFound } from '../../src/http/error-handler.ts';
import { bundledApis, deref, type JsonObject } from '../support/spec.ts';

const platform = bundledApis().find((api) => api.name === 'cheaa-platform')!;
const example = (name: string) => (deref(platform.doc, { $ref: `#/components/examples/${name}` }) as JsonObject).value;

let brokenReply = false;
const standardReply = (name: string) => ({ status: 200 as const, body: example(name) as never });
const handlers: CheaaPlatformHandlers<null> = {
  user_login: () => ({ ...standardReply('user_login.standard.response'), headers: { PlatID: 'PARTNER-Haier-0000', AccessToken: 'TGT-5-e5tcvcZhlBxMSwN6Wnp9uWRU' } }),
  user_logout: () => standardReply('user_logout.standard.response'),
  user_unregister: () => ({ ...standardReply('user_unregister.standard.response'), headers: { PlatID: 'PARTNER-Haier-0000' } }),
  user_bindDevices: () => standardReply('user_bindDevices.standard.response'),
  user_unbindDevices: () => standardReply('user_unbindDevices.standard.response'),
  users_devices: () => standardReply('users_devices.standard.response'),
  devices_deviceInfo: () => standardReply('devices_deviceInfo.standard.response'),
  devices_modifyDeviceInfo: () => standardReply('devices_modifyDeviceInfo.standard.response'),
  devices_deviceStatus: () => standardReply('devices_deviceStatus.standard.response'),
  devices_op: () => (brokenReply ? { status: 200, body: { RetCode: 200 } as never } : standardReply('devices_op.standard.response')),
};

let base = '';
let close: () => void = () => {};
before(async () => {
  const app = express();
  app.use(express.json());
  app.use(
    '/',
    cheaaPlatformValidator({
      securityHandlers: {
        AccessToken: (req) => req.headers.accesstoken !== 'refused-by-the-handler',
        PartnerCertificate: (req) => (req.socket as TLSSocket).authorized === true,
      },
    }),
  );
  app.use(cheaaPlatformDispatcher(handlers, () => null));
  app.use(notFound);
  app.use(errorHandler({ error: () => {} }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  close = () => server.close();
});
after(() => close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', PlatID: 'MB-JDAPP-0000', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const result = async (res: Response) => (await res.json()) as { RetCode: string; RetInfo: string };

describe('generated validating middleware on a throwaway app', () => {
  it('7.2.7 the standard example, with its AccessToken, reaches the handler', async () => {
    brokenReply = false;
    const res = await post('/devices/op', example('devices_op.standard.request'), { AccessToken: 'TGT-5-e5tcvcZhlBxMSwN6Wnp9uWRU' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), example('devices_op.standard.response'));
  });

  it('7.2.7 without AccessToken is refused with RetCode 401 naming the header', async () => {
    const res = await post('/devices/op', example('devices_op.standard.request'));
    assert.equal(res.status, 401);
    const reply = await result(res);
    assert.equal(reply.RetCode, '401');
    assert.match(reply.RetInfo, /AccessToken header required$/);
  });

  it('7.2.7 with an AccessToken the security handler refuses is refused with RetCode 401', async () => {
    const res = await post('/devices/op', example('devices_op.standard.request'), { AccessToken: 'refused-by-the-handler' });
    assert.equal(res.status, 401);
    assert.equal((await result(res)).RetCode, '401');
  });

  it('6.2 a GET on an interface is refused with RetCode 405 before any security requirement', async () => {
    const res = await fetch(`${base}/devices/op`, { headers: { PlatID: 'MB-JDAPP-0000' } });
    assert.equal(res.status, 405);
    assert.equal((await result(res)).RetCode, '405');
  });

  it('7.2.6 needs no AccessToken: its security has an anonymous alternative (ERRATA E-32)', async () => {
    const res = await post('/devices/deviceStatus', example('devices_deviceStatus.standard.request'));
    assert.equal(res.status, 200);
  });

  it('7.2.5 with UserID as a number (as printed in the standard) is refused with RetCode 400 naming the field', async () => {
    const body = { ...(example('devices_modifyDeviceInfo.standard.request') as JsonObject), UserID: 100013954770780042 };
    const res = await post('/devices/modifyDeviceInfo', body);
    assert.equal(res.status, 400);
    const reply = await result(res);
    assert.equal(reply.RetCode, '400');
    assert.match(reply.RetInfo, /UserID/);
  });

  it('malformed JSON, text/plain and an unknown path get the standard body', async () => {
    const malformed = await post('/devices/op', '{"UserID":');
    assert.equal(malformed.status, 400);
    assert.equal((await result(malformed)).RetCode, '400');
    const text = await fetch(`${base}/devices/op`, { method: 'POST', headers: { 'content-type': 'text/plain', AccessToken: 'TGT-5-e5tcvcZhlBxMSwN6Wnp9uWRU' }, body: 'hello' });
    assert.equal(text.status, 415);
    assert.equal((await result(text)).RetCode, '415');
    const unknown = await post('/devices/nothing', {});
    assert.equal(unknown.status, 404);
    assert.equal((await result(unknown)).RetCode, '404');
  });

  it('a handler reply that breaks the contract becomes RetCode 5000, not the broken body', async () => {
    brokenReply = true;
    const res = await post('/devices/op', example('devices_op.standard.request'), { AccessToken: 'TGT-5-e5tcvcZhlBxMSwN6Wnp9uWRU' });
    brokenReply = false;
    assert.equal(res.status, 500);
    assert.equal((await result(res)).RetCode, '5000');
  });
});
