// Input the platform refuses before any handler runs, whatever the interface: a string holding
// U+0000 (PostgreSQL text cannot store it) and a key given twice in one object (RetCode 400 naming
// the field), a charset other than UTF-8 (clause 6.2, RetCode 415), another method than POST (405
// with Allow) and requests Node's HTTP parser refuses (the standard's body, not an empty one).
// Under /gbt43960/ the same refusals come in the GB/T 43960 envelope {status, msg}.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { createGbt43960Client } from '../../generated/gbt43960/gbt43960.client.ts';
import type { Gbt43960RequestBody } from '../../generated/gbt43960/gbt43960.handlers.ts';
import { Statuses } from '../../generated/gbt43960/gbt43960.statuses.ts';
import { assertRefused, send } from '../operations/support/contract.ts';
import { replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { bundledApis, deref, type JsonObject } from '../support/spec.ts';

const platform = sharedPlatform();

const gbtDoc = bundledApis().find((api) => api.name === 'gbt43960')!.doc;
/** A request example of the GB/T 43960 document, e.g. `token.inferred.request`. */
const gbtExample = <T,>(name: string) => structuredClone((deref(gbtDoc, { $ref: `#/components/examples/${name}` }) as JsonObject).value) as T;
const gbtBase = (p: TestPlatform) => p.url.replace(/\/v1$/, '/gbt43960/v1');
const gbtClient = (p: TestPlatform) => createGbt43960Client({ baseUrl: gbtBase(p) });

/** The caller headers of the first partner, for requests sent with fetch. */
const partnerHeaders = (p: TestPlatform) => ({ PlatID: p.partner.platId, AppID: p.partner.appId });

/** DeviceInfo as 7.2.4 reads it for the user. */
async function infoOf(p: TestPlatform, session: Session, deviceID: string) {
  const { data, error } = await p.client().devices_deviceInfo({ body: { UserID: session.userId, Device: [{ DeviceInfo: { deviceID } }] } });
  assert.ok(data, JSON.stringify(error));
  return data.Device[0]!.DeviceInfo;
}

/** The standard's 7.2.5 request changing one device of the user, with this model. */
async function modifyRequest(p: TestPlatform, model: string) {
  const alice = await p.login();
  const washer = await p.addDevice();
  await p.bind(alice, washer);
  const body = requestExample('devices_modifyDeviceInfo');
  body.UserID = alice.userId;
  body.Device = [body.Device[0]!];
  Object.assign(body.Device[0]!.DeviceInfo, { deviceID: washer, deviceType: '02002001', model });
  return { alice, washer, body };
}

let serial = 0;

/** The standard's 7.1.1 request for a new user the partner would verify. */
function loginRequest(p: TestPlatform) {
  const body = requestExample('user_login');
  const loginID = `nul-${process.pid}-${++serial}`;
  body.User[0]!.UserBase.loginID = loginID;
  p.partner.users.set(loginID, body.AuthToken);
  return { body, loginID };
}

describe('U+0000 in a string of the body → RetCode 400 naming the field, before any handler runs', () => {
  it('7.2.5 in the model to write: refused, and the device keeps its model', async () => {
    const p = platform();
    const { alice, washer, body } = await modifyRequest(p, 'WD\u0000100');
    const before = await infoOf(p, alice, washer);
    assertRefused(await send(p, 'devices_modifyDeviceInfo', body), '400', 'Device[0].DeviceInfo.model: must not contain U+0000');
    assert.deepEqual(await infoOf(p, alice, washer), before);
  });

  it('7.2.3 in a filter of the device list', async () => {
    const p = platform();
    const alice = await p.login();
    const body = requestExample('users_devices');
    body.UserID = alice.userId;
    body.Device![0]!.DeviceInfo.brand = 'Te\u0000st';
    assertRefused(await send(p, 'users_devices', body), '400', 'Device[0].DeviceInfo.brand: must not contain U+0000');
  });

  const loginFields: [field: string, put: (body: ReturnType<typeof requestExample<'user_login'>>) => void][] = [
    ['User[0].UserProfile.nickName', (b) => (b.User[0]!.UserProfile!.nickName = 'nick\u0000name')],
    ['User[0].UserBase.email', (b) => (b.User[0]!.UserBase.email = 'a\u0000@example.com')],
  ];
  for (const [field, put] of loginFields) {
    it(`7.1.1 in ${field}: refused before the partner is asked to verify the user (7.1.4), and no user is created`, async () => {
      const p = platform();
      const { body, loginID } = loginRequest(p);
      put(body);
      const reply = await send(p, 'user_login', body);
      assertRefused(reply, '400', `${field}: must not contain U+0000`);
      assert.equal(reply.headers.get('AccessToken'), null, 'no AccessToken');
      assert.deepEqual(p.partner.arrivals, [], 'the partner was not called');
      assert.equal(await p.store.users.findByLogin(p.partner.platId, loginID), undefined);
    });
  }

  it('7.2.3 in a key, which RetInfo quotes with the escape', async () => {
    const p = platform();
    const alice = await p.login();
    const body = requestExample('users_devices');
    body.UserID = alice.userId;
    Object.assign(body.Device![0]!.DeviceInfo, { 'brand\u0000': 'Test' });
    assertRefused(await send(p, 'users_devices', body), '400', 'Device[0].DeviceInfo["brand\\u0000"]: must not contain U+0000');
  });

  it('7.2.5 the text \\u0000 (an escaped backslash, then u0000) is not U+0000: it is written as sent', async () => {
    const p = platform();
    const { alice, washer, body } = await modifyRequest(p, 'WD\\u0000');
    const { data, error } = await p.client().devices_modifyDeviceInfo({ body });
    assert.deepEqual(data, replyExample('devices_modifyDeviceInfo.standard.response'), JSON.stringify(error));
    assert.equal((await infoOf(p, alice, washer)).model, 'WD\\u0000');
  });

  it('GB/T 43960 token, in data.appSecret → HTTP 400, status 100103 naming the field', async () => {
    const p = platform();
    const body = gbtExample<Gbt43960RequestBody<'token'>>('token.inferred.request');
    body.data.appSecret = 's3cr3t\u0000';
    const { error, response } = await gbtClient(p).token({ body });
    assert.equal(response.status, 400);
    assert.deepEqual(error, { status: Statuses.MalformedPacket, msg: 'data.appSecret: must not contain U+0000' });
  });
});

describe('a key given twice in one object → RetCode 400 naming it (JSON.parse would keep the last silently)', () => {
  it('7.2.3 UserID twice, another user\'s first and this user\'s last', async () => {
    const p = platform();
    const [alice, bob] = [await p.login(), await p.login()];
    const raw = `{"UserID":"${bob.userId}","UserID":"${alice.userId}"}`;
    assertRefused(await send(p, 'users_devices', {}, { raw }), '400', 'UserID: duplicate key');
  });

  it('7.2.6 deviceID twice in one DeviceInfo', async () => {
    const p = platform();
    const alice = await p.login();
    const body = requestExample('devices_deviceStatus');
    body.UserID = alice.userId;
    const { deviceID } = body.Device[0]!.DeviceInfo;
    const raw = JSON.stringify(body).replace(`"deviceID":"${deviceID}"`, `"deviceID":"${deviceID}","deviceID":"0007A88A184D"`);
    assertRefused(await send(p, 'devices_deviceStatus', {}, { raw }), '400', 'Device[0].DeviceInfo.deviceID: duplicate key');
  });

  it('7.2.3 the same key spelled with an escape ("\\u0055serID") is the same key', async () => {
    const p = platform();
    const alice = await p.login();
    const raw = `{"UserID":"${alice.userId}","\\u0055serID":"${alice.userId}"}`;
    assertRefused(await send(p, 'users_devices', {}, { raw }), '400', 'UserID: duplicate key');
  });

  it('7.2.3 a key with an escape is read as written, even after a body with a key ending in "\\" at the same place (V8 13.6 would read it as that key: nodejs/node#63785)', async () => {
    const p = platform();
    const [alice, bob] = [await p.login(), await p.login()];
    await send(p, 'users_devices', {}, { raw: `{"UserID":"${alice.userId}","UserI\\\\":1}` });
    const raw = `{"UserID":"${bob.userId}","UserI\\u0044":"${alice.userId}"}`;
    assertRefused(await send(p, 'users_devices', {}, { raw }), '400', 'UserID: duplicate key');
  });

  it('7.2.4 the same key in two objects is no duplicate: deviceID of two devices is accepted', async () => {
    const p = platform();
    const alice = await p.login();
    const [one, two] = [await p.addDevice(), await p.addDevice()];
    await p.bind(alice, one, two);
    const body = requestExample('devices_deviceInfo');
    body.UserID = alice.userId;
    body.Device = [{ DeviceInfo: { deviceID: one } }, { DeviceInfo: { deviceID: two } }];
    const { data, error } = await p.client().devices_deviceInfo({ body });
    assert.deepEqual(data?.Device.map((d) => d.DeviceInfo.deviceID), [one, two], JSON.stringify(error));
  });

  it('GB/T 43960 token, userId twice → HTTP 400, status 100103 naming it', async () => {
    const p = platform();
    const body = gbtExample<Gbt43960RequestBody<'token'>>('token.inferred.request');
    const raw = JSON.stringify(body).replace('{', '{"userId":"1",');
    const response = await fetch(`${gbtBase(p)}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { status: Statuses.MalformedPacket, msg: 'userId: duplicate key' });
  });
});

describe('clause 6.2: the body is UTF-8', () => {
  /** 7.2.3 for a new user, as `contentType` with the body in these bytes. */
  async function listAs(p: TestPlatform, contentType: string, encode: (json: string) => Buffer) {
    const alice = await p.login();
    const body = requestExample('users_devices', 'all');
    body.UserID = alice.userId;
    const response = await fetch(`${p.url}/users/devices`, {
      method: 'POST',
      headers: { ...partnerHeaders(p), 'content-type': contentType },
      body: encode(JSON.stringify(body)),
    });
    return { status: response.status, body: (await response.json()) as { RetCode: string; RetInfo: string }, headers: response.headers };
  }
  const utf8 = (json: string) => Buffer.from(json, 'utf8');

  it('7.2.3 a UTF-16 body labelled charset=utf-16 → RetCode 415; it is not decoded', async () => {
    const reply = await listAs(platform(), 'application/json; charset=utf-16', (json) => Buffer.from(`\ufeff${json}`, 'utf16le'));
    assertRefused(reply, '415', 'unsupported charset "UTF-16"; send UTF-8 JSON');
  });

  for (const charset of ['iso-8859-1', 'us-ascii', 'gbk', 'utf-16le', '']) {
    it(`7.2.3 charset=${charset || '(empty)'} → RetCode 415, even when the bytes would read as UTF-8`, async () => {
      assertRefused(await listAs(platform(), `application/json; charset=${charset}`, utf8), '415', /unsupported charset/);
    });
  }

  for (const contentType of ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json; charset=utf8', 'application/json; charset="UTF-8"']) {
    it(`7.2.3 ${contentType} is accepted`, async () => {
      const reply = await listAs(platform(), contentType, utf8);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.equal(reply.body.RetCode, '200');
    });
  }

  it('GB/T 43960 token in UTF-16 → HTTP 415, status 100112', async () => {
    const p = platform();
    const body = gbtExample<Gbt43960RequestBody<'token'>>('token.inferred.request');
    const response = await fetch(`${gbtBase(p)}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-16' },
      body: Buffer.from(`\ufeff${JSON.stringify(body)}`, 'utf16le'),
    });
    assert.equal(response.status, 415);
    assert.deepEqual(await response.json(), { status: Statuses.UnsupportedMediaType, msg: 'unsupported charset "UTF-16"; send UTF-8 JSON' });
  });
});

describe('another method than POST → 405 with Allow: POST (RFC 9110 section 15.5.6)', () => {
  for (const method of ['GET', 'PUT', 'DELETE']) {
    it(`7.2.7 ${method} /devices/op → RetCode 405, Allow: POST`, async () => {
      const p = platform();
      const response = await fetch(`${p.url}/devices/op`, { method, headers: partnerHeaders(p) });
      assertRefused({ status: response.status, body: await response.json(), headers: response.headers }, '405');
      assert.equal(response.headers.get('Allow'), 'POST');
    });
  }

  it('GB/T 43960 GET /token → status 100110, Allow: POST', async () => {
    const response = await fetch(`${gbtBase(platform())}/token`);
    assert.equal(response.status, 405);
    assert.equal(((await response.json()) as { status: number }).status, Statuses.MethodNotAllowed);
    assert.equal(response.headers.get('Allow'), 'POST');
  });
});

/** Sends these bytes on a connection of its own and reads the reply until the server closes it. */
async function rawExchange(url: string, request: string): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write(request);
  await new Promise<void>((resolve, reject) => socket.on('close', () => resolve()).on('error', reject));
  const [head = '', body = ''] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
  const [statusLine = '', ...fields] = head.split('\r\n');
  const headers = Object.fromEntries(fields.map((f) => [f.slice(0, f.indexOf(':')).toLowerCase(), f.slice(f.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) };
}

describe('requests the HTTP parser refuses → the standard\'s body, on a connection then closed', () => {
  const bigHeader = 'x'.repeat(20 * 1024);

  it('a 20 KB header → HTTP 431 with RetCode 400; the platform serves the next request', async () => {
    const p = platform();
    const response = await fetch(`${p.url}/devices/op`, { method: 'POST', headers: { ...partnerHeaders(p), 'content-type': 'application/json', 'X-Padding': bigHeader }, body: '{}' });
    assert.equal(response.status, 431);
    assert.equal(response.headers.get('Connection'), 'close');
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
    assert.deepEqual(await response.json(), { RetCode: '400', RetInfo: 'request header fields too large' });
    const alice = await p.login();
    assert.equal((await p.client().users_devices({ body: { UserID: alice.userId } })).response.status, 200);
  });

  it('GB/T 43960: a 20 KB header on /gbt43960/ → HTTP 431 with status 100103', async () => {
    const response = await fetch(`${gbtBase(platform())}/token`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Padding': bigHeader }, body: '{}' });
    assert.equal(response.status, 431);
    assert.deepEqual(await response.json(), { status: Statuses.MalformedPacket, msg: 'request header fields too large' });
  });

  it('a Content-Length that is not a number → HTTP 400 with RetCode 400, naming the parser\'s error', async () => {
    const p = platform();
    const reply = await rawExchange(p.url, 'POST /v1/devices/op HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: two\r\n\r\n{}');
    assert.equal(reply.status, 400);
    assert.equal(reply.headers.connection, 'close');
    assert.match(reply.headers['content-type'] ?? '', /^application\/json/);
    assert.deepEqual(reply.body, { RetCode: '400', RetInfo: 'malformed HTTP request (HPE_INVALID_CONTENT_LENGTH)' });
  });

  it('GB/T 43960: the same on /gbt43960/ → HTTP 400 with status 100103', async () => {
    const reply = await rawExchange(platform().url, 'POST /gbt43960/v1/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: two\r\n\r\n{}');
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.body, { status: Statuses.MalformedPacket, msg: 'malformed HTTP request (HPE_INVALID_CONTENT_LENGTH)' });
  });

  it('chunk extensions over Node\'s 16 KB → HTTP 413 with RetCode 413, the status Node gives them', async () => {
    const p = platform();
    const reply = await rawExchange(p.url, `POST /v1/devices/op HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2;${'x'.repeat(20 * 1024)}\r\n{}\r\n0\r\n\r\n`);
    assert.equal(reply.status, 413);
    assert.deepEqual(reply.body, { RetCode: '413', RetInfo: 'chunk extensions too large' });
  });
});
