// 7.2.5 device information modify, against the running platform: DeviceInfo fields of devices
// bound to the user change, all of them or none (E-20); no one else's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { assertRefused, contractRefusals, errorExample, send } from './support/contract.ts';

const platform = sharedPlatform();

type Change = { deviceID: string; deviceType?: string; model?: string; manufacturer?: string; brand?: string; accessWay?: string };
const modifyRequest = (session: Session, ...changes: Change[]) => ({ UserID: session.userId, Device: changes.map((DeviceInfo) => ({ DeviceInfo })) });

/** DeviceInfo as 7.2.4 reads it for a user who has the devices bound. */
async function infoOf(p: TestPlatform, session: Session, ...deviceIds: string[]) {
  const { data, error } = await p.client(session.partner).devices_deviceInfo({ body: { UserID: session.userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) } });
  assert.ok(data, JSON.stringify(error));
  return data.Device.map(({ DeviceInfo: { deviceID, deviceType, model, manufacturer, brand, accessWay } }) => ({ deviceID, deviceType, model, manufacturer, brand, accessWay }));
}

const asAdded = (deviceID: string) => ({ deviceID, deviceType: '02002001', model: 'Test model', manufacturer: 'Test Appliances', brand: 'Test', accessWay: '1' });

describe('7.2.5 device information modify', () => {
  it('7.2.5 the standard modify: the reply is the standard one and 7.2.4 reads the new information of both devices', async () => {
    const p = platform();
    const alice = await p.login();
    const body = requestExample('devices_modifyDeviceInfo');
    body.UserID = alice.userId;
    const ids = body.Device.map((d) => d.DeviceInfo.deviceID);
    await p.bind(alice, ...ids);
    const before = await infoOf(p, alice, ...ids);

    const { data } = await p.client().devices_modifyDeviceInfo({ body });

    assert.deepEqual(data, replyExample('devices_modifyDeviceInfo.standard.response'));
    // Fields the request leaves out (manufacturer, E-05) keep their value.
    assert.deepEqual(
      await infoOf(p, alice, ...ids),
      body.Device.map(({ DeviceInfo: change }, i) => ({ ...before[i], ...change })),
    );
  });

  it('7.2.5 all or none: one device the user has not bound → RetCode 4031, and the bound device is unchanged', async () => {
    const p = platform();
    const alice = await p.login();
    const [mine, notMine] = [await p.addDevice(), await p.addDevice()];
    await p.bind(alice, mine);
    const reply = await send(p, 'devices_modifyDeviceInfo', modifyRequest(alice, { deviceID: mine, model: 'Renamed' }, { deviceID: notMine, model: 'Renamed' }));
    assert.deepEqual(assertRefused(reply, '4031'), errorExample('4031', { '0007A88A184D': notMine, '100013954770780042': alice.userId }));
    assert.deepEqual(await infoOf(p, alice, mine), [asAdded(mine)]);
  });

  it('7.2.5 a device this platform does not have → RetCode 4041, and nothing changes', async () => {
    const p = platform();
    const alice = await p.login();
    const mine = await p.addDevice();
    await p.bind(alice, mine);
    const reply = await send(p, 'devices_modifyDeviceInfo', modifyRequest(alice, { deviceID: mine, brand: 'Renamed' }, { deviceID: 'NO-SUCH-DEVICE', brand: 'Renamed' }));
    assert.deepEqual(assertRefused(reply, '4041'), errorExample('4041', { '0007A88A184D': 'NO-SUCH-DEVICE' }));
    assert.deepEqual(await infoOf(p, alice, mine), [asAdded(mine)]);
  });

  it('7.2.5 a UserID no one has → RetCode 4042', async () => {
    const p = platform();
    assert.deepEqual(assertRefused(await send(p, 'devices_modifyDeviceInfo', requestExample('devices_modifyDeviceInfo')), '4042'), errorExample('4042'));
  });

  describe('a user never changes another user\'s devices', () => {
    it('7.2.5 a second user of the same partner modifying the first user\'s device → RetCode 4031; it is unchanged', async () => {
      const p = platform();
      const alice = await p.login();
      const bob = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      const reply = await send(p, 'devices_modifyDeviceInfo', modifyRequest(bob, { deviceID: washer, model: 'Stolen' }));
      assert.deepEqual(assertRefused(reply, '4031'), errorExample('4031', { '0007A88A184D': washer, '100013954770780042': bob.userId }));
      assert.deepEqual(await infoOf(p, alice, washer), [asAdded(washer)]);
    });

    it('7.2.5 another partner naming this user → RetCode 4042; the device is unchanged', async () => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      const reply = await send(p, 'devices_modifyDeviceInfo', modifyRequest(alice, { deviceID: washer, model: 'Stolen' }), { as: p.otherPartner });
      assert.deepEqual(assertRefused(reply, '4042'), errorExample('4042', { '100013954770780042': alice.userId }));
      assert.deepEqual(await infoOf(p, alice, washer), [asAdded(washer)]);
    });
  });

  describe('contract', () => {
    contractRefusals({
      operationId: 'devices_modifyDeviceInfo',
      platform,
      valid: async (p) => {
        const session = await p.login();
        const washer = await p.addDevice();
        await p.bind(session, washer);
        return { session, body: modifyRequest(session, { deviceID: washer, model: 'Test model' }) };
      },
      missing: 'UserID',
      mistyped: ['Device', 'C89346112DD5'],
    });

    it('7.2.5 a change that names only the device, with nothing to change → RetCode 400', async () => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      assertRefused(await send(p, 'devices_modifyDeviceInfo', modifyRequest(alice, { deviceID: washer })), '400', /DeviceInfo/);
    });

    it('7.2.5 a deviceType that is not a product code of clause 6.4 (E-07: 新类型号) → RetCode 400 naming it', async () => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      assertRefused(await send(p, 'devices_modifyDeviceInfo', modifyRequest(alice, { deviceID: washer, deviceType: '新类型号' })), '400', /deviceType/);
      assert.deepEqual(await infoOf(p, alice, washer), [asAdded(washer)]);
    });
  });
});
