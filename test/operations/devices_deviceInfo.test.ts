// 7.2.4 device information query, against the running platform: DeviceInfo of devices bound to
// the user, in the order asked; a device the user may not see refuses the whole request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { assertRefused, contractRefusals, errorExample, send } from './support/contract.ts';

const platform = sharedPlatform();

const infoRequest = (session: Session, ...deviceIds: string[]) => ({ UserID: session.userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) });

/** The reply's deviceIDs in order, for a request the platform accepts. */
async function infoOf(p: TestPlatform, session: Session, ...deviceIds: string[]) {
  const { data, error } = await p.client(session.partner).devices_deviceInfo({ body: infoRequest(session, ...deviceIds) });
  assert.ok(data, JSON.stringify(error));
  return data.Device.map((d) => d.DeviceInfo);
}

describe('7.2.4 device information query', () => {
  it('7.2.4 the standard query returns the standard reply (name null: it belongs to the binding)', async () => {
    const p = platform();
    const alice = await p.login();
    const body = requestExample('devices_deviceInfo');
    body.UserID = alice.userId;
    await p.bind(alice, body.Device[0]!.DeviceInfo.deviceID);

    const { data } = await p.client().devices_deviceInfo({ body });

    assert.deepEqual(data, replyExample('devices_deviceInfo.standard.response'));
  });

  it('7.2.4 the reply follows the order of the request; a device with a UDeviceID says its deviceID is the vendor\'s', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addVendorDevice('02002001');
    const heater = await p.addDevice('05001001');
    await p.bind(alice, washer.deviceId, heater);

    const info = await infoOf(p, alice, heater, washer.udeviceId);

    const added = { model: 'Test model', manufacturer: 'Test Appliances', brand: 'Test', accessWay: '1', name: null };
    assert.deepEqual(info, [
      { deviceID: heater, deviceType: '05001001', ...added },
      { deviceID: washer.deviceId, deviceIDType: 'vendor', deviceType: '02002001', ...added },
    ]);
  });

  it('7.2.4 a device the user has not bound → RetCode 4031, even beside a bound one', async () => {
    const p = platform();
    const alice = await p.login();
    const [mine, notMine] = [await p.addDevice(), await p.addDevice()];
    await p.bind(alice, mine);
    const reply = await send(p, 'devices_deviceInfo', infoRequest(alice, mine, notMine));
    assert.deepEqual(assertRefused(reply, '4031'), errorExample('4031', { '0007A88A184D': notMine, '100013954770780042': alice.userId }));
  });

  it('7.2.4 a device this platform does not have → RetCode 4041', async () => {
    const p = platform();
    const alice = await p.login();
    assert.deepEqual(assertRefused(await send(p, 'devices_deviceInfo', infoRequest(alice, 'NO-SUCH-DEVICE')), '4041'), errorExample('4041', { '0007A88A184D': 'NO-SUCH-DEVICE' }));
  });

  it('7.2.4 a UserID no one has → RetCode 4042', async () => {
    const p = platform();
    assert.deepEqual(assertRefused(await send(p, 'devices_deviceInfo', requestExample('devices_deviceInfo')), '4042'), errorExample('4042'));
  });

  describe('a user never sees another user\'s devices', () => {
    it('7.2.4 a second user of the same partner asking for the first user\'s device → RetCode 4031', async () => {
      const p = platform();
      const alice = await p.login();
      const bob = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      const reply = await send(p, 'devices_deviceInfo', infoRequest(bob, washer));
      assert.deepEqual(assertRefused(reply, '4031'), errorExample('4031', { '0007A88A184D': washer, '100013954770780042': bob.userId }));
    });

    it('7.2.4 another partner naming this user → RetCode 4042', async () => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      const reply = await send(p, 'devices_deviceInfo', infoRequest(alice, washer), { as: p.otherPartner });
      assert.deepEqual(assertRefused(reply, '4042'), errorExample('4042', { '100013954770780042': alice.userId }));
    });
  });

  describe('contract', () => {
    contractRefusals({
      operationId: 'devices_deviceInfo',
      platform,
      valid: async (p) => {
        const session = await p.login();
        const washer = await p.addDevice();
        await p.bind(session, washer);
        return { session, body: infoRequest(session, washer) };
      },
      missing: 'Device',
      mistyped: ['UserID', 100013954770780042],
    });

    it('7.2.4 a deviceID with a space, as in the standard\'s example (E-02) → RetCode 400 naming it', async () => {
      const p = platform();
      const alice = await p.login();
      assertRefused(await send(p, 'devices_deviceInfo', infoRequest(alice, ' 0007A88A184D')), '400', /deviceID/);
    });
  });
});
