// 7.2.3 user device list query, against the running platform: the devices bound to the user,
// filtered as table 35 allows, and no one else's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, startTestPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { assertRefused, contractRefusals, errorExample, send } from './support/contract.ts';

const platform = sharedPlatform();

type Filter = { deviceID?: string; deviceType?: string; model?: string; manufacturer?: string; brand?: string; accessWay?: string };

async function list(p: TestPlatform, session: Session, ...filters: Filter[]): Promise<string[]> {
  const body = { UserID: session.userId, ...(filters.length ? { Device: filters.map((DeviceInfo) => ({ DeviceInfo })) } : {}) };
  const { data, error } = await p.client(session.partner).users_devices({ body });
  assert.ok(data, JSON.stringify(error));
  return data.Device.map((d) => d.DeviceInfo.deviceID);
}

describe('7.2.3 user device list query', () => {
  it('7.2.3 the standard query by deviceType returns the standard reply: the two refrigerators, not the washing machine', async () => {
    const p = platform();
    const alice = await p.login();
    const standard = replyExample('users_devices.standard.response');
    const listed = (standard.Device as { DeviceInfo: { deviceID: string } }[]).map((d) => d.DeviceInfo.deviceID);
    const washer = p.config.devices.find((d) => d.udeviceId)!.deviceId;
    await p.bind(alice, ...listed, washer);
    const body = requestExample('users_devices');
    body.UserID = alice.userId;

    const { data } = await p.client().users_devices({ body });

    // name belongs to the binding (table 37) and is null until given.
    assert.deepEqual(data, { ...standard, Device: (standard.Device as { DeviceInfo: object }[]).map((d) => ({ DeviceInfo: { ...d.DeviceInfo, name: null } })) });
    const all = requestExample('users_devices', 'all');
    all.UserID = alice.userId;
    assert.deepEqual((await p.client().users_devices({ body: all })).data?.Device.map((d) => d.DeviceInfo.deviceID), [...listed, washer]);
  });

  it('7.2.3 a user with no device gets an empty list', async () => {
    const p = platform();
    assert.deepEqual(await list(p, await p.login()), []);
  });

  describe('filters (table 35): every field of one filter must match, any filter may', () => {
    const rows: [name: string, filters: (ids: { washer: string; heater: string; conditioner: string }) => Filter[], expected: ('washer' | 'heater' | 'conditioner')[]][] = [
      ['a full deviceType (category, sub-category, minor class)', () => [{ deviceType: '02002001' }], ['washer']],
      ['a 5-digit deviceType matches its minor classes (clause 6.4)', () => [{ deviceType: '05001' }], ['heater']],
      ['a deviceID', ({ conditioner }) => [{ deviceID: conditioner }], ['conditioner']],
      ['deviceType and model together', () => [{ deviceType: '02002001', model: 'Another model' }], []],
      ['two filters: either matches', () => [{ deviceType: '02002001' }, { deviceType: '03001001' }], ['washer', 'conditioner']],
      ['brand and manufacturer', () => [{ brand: 'Test', manufacturer: 'Test Appliances' }], ['washer', 'heater', 'conditioner']],
      ['a deviceType nobody has', () => [{ deviceType: '01003001' }], []],
    ];
    for (const [name, filters, expected] of rows) {
      it(`7.2.3 filtered by ${name}`, async () => {
        const p = platform();
        const alice = await p.login();
        const ids = { washer: await p.addDevice('02002001'), heater: await p.addDevice('05001001'), conditioner: await p.addDevice('03001001') };
        await p.bind(alice, ids.washer, ids.heater, ids.conditioner);
        assert.deepEqual((await list(p, alice, ...filters(ids))).sort(), expected.map((k) => ids[k]).sort());
      });
    }
  });

  describe('a user never sees another user\'s devices', () => {
    it('7.2.3 a second user of the same partner sees none of the first user\'s devices, even filtering by their deviceID', async () => {
      const p = platform();
      const alice = await p.login();
      const bob = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      assert.deepEqual(await list(p, bob), []);
      assert.deepEqual(await list(p, bob, { deviceID: washer }), []);
    });

    it('7.2.3 another partner naming this user → RetCode 4042', async () => {
      const p = platform();
      const alice = await p.login();
      await p.bind(alice, await p.addDevice());
      const reply = await send(p, 'users_devices', { UserID: alice.userId }, { as: p.otherPartner });
      assert.deepEqual(assertRefused(reply, '4042'), errorExample('4042', { '100013954770780042': alice.userId }));
    });
  });

  it('7.2.3 a UserID no one has → RetCode 4042', async () => {
    const p = platform();
    assert.deepEqual(assertRefused(await send(p, 'users_devices', requestExample('users_devices', 'all')), '4042'), errorExample('4042'));
  });

  describe('contract', () => {
    contractRefusals({
      operationId: 'users_devices',
      platform,
      valid: async (p) => {
        const session = await p.login();
        return { session, body: { UserID: session.userId } };
      },
      missing: 'UserID',
      mistyped: ['Device', { DeviceInfo: { deviceType: '02002001' } }],
    });

    it('7.2.3 more requests per second than a partner is allowed → RetCode 429 for the excess; another partner has its own allowance', async (t) => {
      const p = await startTestPlatform(t, { limits: { requestsPerSecondPerPartner: 1 } });
      const alice = await p.login({ partner: p.otherPartner });
      const bob = await p.login();
      // The window is one second of the clock: start at a new one, where neither partner has sent anything yet.
      await sleep(1000 - (Date.now() % 1000) + 10);
      assert.equal((await send(p, 'users_devices', { UserID: bob.userId })).status, 200);
      const replies = [];
      for (let i = 0; i < 6; i += 1) replies.push(await send(p, 'users_devices', { UserID: alice.userId }, { as: p.otherPartner }));
      const limited = replies.filter((r) => r.status !== 200);
      assert.ok(limited.length >= 1, `some of six requests in quick succession refused, got ${replies.map((r) => r.status).join(', ')}`);
      for (const reply of limited) assertRefused(reply, '429', /more than 1 requests per second from 000006/);
    });
  });
});
