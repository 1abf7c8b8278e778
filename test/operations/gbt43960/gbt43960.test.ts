// GB/T 43960 through the generated client against the platform on loopback: every interface,
// its success and each of its refusals, in the standard's envelope {status, msg}.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { createGbt43960Client } from '../../../generated/gbt43960/gbt43960.client.ts';
import { Statuses } from '../../../generated/gbt43960/gbt43960.statuses.ts';
import { configFrom } from '../../../src/config.ts';
import { startPlatform, type RunningPlatform } from '../../../src/platform.ts';
import { openDatabase } from '../../../src/store/database.ts';
import { migratedPGliteSnapshot } from '../../support/database.ts';
import { bundledApis, deref, type JsonObject } from '../../support/spec.ts';

const gbt = bundledApis().find((a) => a.name === 'gbt43960')!;
const example = (name: string) => (deref(gbt.doc, { $ref: `#/components/examples/${name}` }) as JsonObject).value as JsonObject;
const userId = '438362794917922816';
const otherUser = '100000000000000001';
type Failure = { status: number; msg: string };

let platform: RunningPlatform;
let api: ReturnType<typeof createGbt43960Client>;
let token = '';

before(async () => {
  const config = configFrom(
    {
      platId: 'GBT-TEST',
      listen: { port: 0 },
      partners: [],
      simulation: { tickMs: 60_000 },
      gbt43960: {
        applications: [
          { appId: 'app-1', appSecret: 'secret-of-application-1', userId },
          { appId: 'app-2', appSecret: 'secret-of-application-2', userId: otherUser },
        ],
        devices: [
          { devId: '6565818958', userId, secret: 'example-secret-of-device-6565818958', devName: '数控机床', devGroup: '1#产线', devAdd: '北京' },
          { devId: '285863325', userId, secret: 'secret-285863325', devName: '华数机器人', devGroup: '1#产线', devAdd: '中国北京市石景山区航天云网大厦' },
          { devId: 'OTHER-1', userId: otherUser, secret: 'secret-other-1', devName: 'other' },
        ],
      },
    },
    'test config',
    '.',
    {},
  );
  platform = await startPlatform(config, { database: await openDatabase({ snapshot: await migratedPGliteSnapshot() }), log: pino({ level: 'silent' }) });
  api = createGbt43960Client({ baseUrl: platform.url.replace(/\/v1$/, '/gbt43960/v1') });
  const { data, error, response } = await api.token({ body: { userId, data: { appId: 'app-1', appSecret: 'secret-of-application-1' } } });
  assert.equal(data?.status, 200, `HTTP ${response.status} ${JSON.stringify(error)}`);
  token = (data as { access_token: string }).access_token;
});
after(async () => {
  await platform.close();
  await platform.db.close();
});

const sign = (secret: string, devId: string) => createHmac('sha256', secret).update(devId).digest('hex');

describe('GB/T 43960 clause 9 access token (inferred)', () => {
  it('a registered application gets a token that expires', async () => {
    const { data } = await api.token({ body: { userId, data: { appId: 'app-1', appSecret: 'secret-of-application-1' } } });
    assert.equal(data?.status, 200);
    assert.equal((data as { expires_in: number }).expires_in, 7200);
  });
  for (const [why, body] of [
    ['a wrong secret', { userId, data: { appId: 'app-1', appSecret: 'not-the-right-secret-at-all' } }],
    ['an unknown application', { userId, data: { appId: 'nobody', appSecret: 'secret-of-application-1' } }],
    ['another user\'s application', { userId, data: { appId: 'app-2', appSecret: 'secret-of-application-2' } }],
  ] as const) {
    it(`${why} → status 100108, the same msg`, async () => {
      const { data, response } = await api.token({ body });
      assert.equal(response.status, 200);
      assert.deepEqual(data, { status: Statuses.AppAuthFailed, msg: 'unknown appId or wrong appSecret' });
    });
  }
});

describe('GB/T 43960 A.2.4 device security authentication', () => {
  it('the corrected Annex A example (an HMAC of devId) succeeds', async () => {
    const request = example('device_auth.standard.request');
    const { data } = await api.device_auth({ body: { ...(request as object), userId, access_token: token } as never });
    assert.deepEqual(data, { status: 200, msg: 'success' });
  });
  it('a signature under another secret → 100105 naming the device', async () => {
    const { data } = await api.device_auth({ body: { userId, access_token: token, data: { devId: '6565818958', devSign: sign('wrong', '6565818958') } } });
    assert.deepEqual(data, { status: Statuses.SignatureMismatch, msg: 'signature mismatch for device 6565818958' });
  });
  it('the standard\'s printed devSign "02357.PDF" → 100103 with HTTP 400 naming data/devSign', async () => {
    const { error, response } = await api.device_auth({ body: { userId, access_token: token, data: { devId: '6565818958', devSign: '02357.PDF' } } });
    assert.equal(response.status, 400);
    assert.equal((error as Failure | undefined)?.status, Statuses.MalformedPacket);
    assert.match((error as Failure).msg, /devSign/);
  });
  it('another user\'s device → 100104, as if it did not exist', async () => {
    const { data } = await api.device_auth({ body: { userId, access_token: token, data: { devId: 'OTHER-1', devSign: sign('secret-other-1', 'OTHER-1') } } });
    assert.deepEqual(data, { status: Statuses.UnknownDevice, msg: 'unknown device OTHER-1' });
  });
  it('a forged token → 100101; a token of another userId → 100101; none → 100103', async () => {
    const forged = await api.device_auth({ body: { userId, access_token: 'fO44R6tOWxh3wrTlkWP0', data: { devId: '6565818958', devSign: sign('x', '6565818958') } } });
    assert.equal(forged.data?.status, Statuses.TokenInvalid);
    const foreign = await api.device_auth({ body: { userId: otherUser, access_token: token, data: { devId: 'OTHER-1', devSign: sign('secret-other-1', 'OTHER-1') } } });
    assert.equal(foreign.data?.status, Statuses.TokenInvalid);
    const missing = await api.device_auth({ body: { userId, data: { devId: '6565818958', devSign: sign('x', '6565818958') } } as never });
    assert.equal((missing.error as Failure | undefined)?.status, Statuses.MalformedPacket);
  });
});

describe('GB/T 43960 A.2.5 device query', () => {
  it('the Annex A example returns name, group and address', async () => {
    const { data } = await api.device_query({ body: { userId, access_token: token, data: { devId: '285863325' } } });
    assert.deepEqual(data, { status: 200, msg: 'success', devName: '华数机器人', devGroup: '1#产线', devAdd: '中国北京市石景山区航天云网大厦' });
  });
  it('an unknown devId → 100104', async () => {
    const { data } = await api.device_query({ body: { userId, access_token: token, data: { devId: '999' } } });
    assert.equal(data?.status, Statuses.UnknownDevice);
  });
});

describe('GB/T 43960 A.2.6 edge gateway creation', () => {
  it('an MQTT gateway is created and gets an id', async () => {
    const { data } = await api.gateway_create({ body: { userId, access_token: token, data: { gatewName: '数据采集网关', commCode: '70', commUrl: 'mqtt://iot.example.com:1883', iotType: '701' } } });
    assert.equal(data?.status, 200);
    assert.match((data as { gatewId: string }).gatewId, /^[0-9a-f-]{36}$/);
  });
  for (const [why, data] of [
    ['commUrl "MQTT" as printed in the standard', { gatewName: 'g', commCode: '70', commUrl: 'MQTT', iotType: '701' }],
    ['an iotType of another commCode', { gatewName: 'g', commCode: '70', commUrl: 'mqtt://h:1883', iotType: '101' }],
    ['a URL scheme of another commCode', { gatewName: 'g', commCode: '10', commUrl: 'mqtt://h:1883', iotType: '101' }],
  ] as const) {
    it(`${why} → 100103 (HTTP 400)`, async () => {
      const { error, response } = await api.gateway_create({ body: { userId, access_token: token, data: data as never } });
      assert.equal(response.status, 400);
      assert.equal((error as Failure | undefined)?.status, Statuses.MalformedPacket);
    });
  }
});

describe('GB/T 43960 A.2.7 device identifier save and query (inferred)', () => {
  it('saves once, finds it both ways ignoring ASCII case, refuses a second device or a second identifier', async () => {
    const save = (devId: string, devIdentifier: string) => api.device_identifier_save({ body: { userId, access_token: token, data: { devId, devIdentifier } } });
    assert.equal((await save('6565818958', '88.100.1/DEV-6565818958')).data?.status, 200);
    assert.equal((await save('6565818958', '88.100.1/dev-6565818958')).data?.status, 200, 'saving the same identifier again is a success');
    assert.equal((await save('6565818958', '88.100.1/OTHER')).data?.status, Statuses.Duplicate);
    assert.equal((await save('285863325', '88.100.1/DEV-6565818958')).data?.status, Statuses.Duplicate);
    const byId = await api.device_identifier_query({ body: { userId, access_token: token, data: { devId: '6565818958' } } });
    assert.deepEqual(byId.data, { status: 200, msg: 'success', devId: '6565818958', devIdentifier: '88.100.1/DEV-6565818958' });
    const byIdentifier = await api.device_identifier_query({ body: { userId, access_token: token, data: { devIdentifier: '88.100.1/dev-6565818958' } } });
    assert.equal((byIdentifier.data as { devId: string }).devId, '6565818958');
    const none = await api.device_identifier_query({ body: { userId, access_token: token, data: { devId: '285863325' } } });
    assert.equal(none.data?.status, Statuses.UnknownIdentifier);
  });
});

describe('GB/T 43960 clause 9 interface registration (inferred)', () => {
  it('registers an interface once, lists it, refuses the same path and version again', async () => {
    const body = { userId, access_token: token, data: { apiName: '设备查询', apiPath: '/device/query', apiVersion: 'v1', apiDesc: 'device query' } };
    const first = await api.interface_register({ body });
    assert.equal(first.data?.status, 200);
    assert.equal((await api.interface_register({ body })).data?.status, Statuses.Duplicate);
    const list = await api.interface_list({ body: { userId, access_token: token, data: { appId: 'app-1' } } });
    const listed = list.data as { total: number; apiList: { apiId: string }[] };
    assert.equal(listed.total, 1);
    assert.equal(listed.apiList[0]?.apiId, (first.data as { apiId: string }).apiId);
  });
});

describe('GB/T 43960 packets that are not packets', () => {
  it('malformed JSON, text/plain, an unknown path and GET all answer {status, msg}', async () => {
    const base = platform.url.replace(/\/v1$/, '/gbt43960/v1');
    const cases: [string, RequestInit, number, number][] = [
      ['/device/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' }, 400, Statuses.MalformedPacket],
      ['/device/query', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }, 415, Statuses.UnsupportedMediaType],
      ['/nothing', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, 404, Statuses.UnknownInterface],
      ['/device/query', { method: 'GET' }, 405, Statuses.MethodNotAllowed],
    ];
    for (const [path, init, http, status] of cases) {
      const res = await fetch(`${base}${path}`, init);
      assert.equal(res.status, http, path);
      assert.equal(((await res.json()) as { status: number }).status, status, path);
    }
  });
});
