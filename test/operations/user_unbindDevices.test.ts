// 7.2.2 device unbind, against the running platform: each device on its own (E-24); a user
// unbinds only what is bound to them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { assertPartlyFailed, assertRefused, contractRefusals, errorExample, send } from './support/contract.ts';

const platform = sharedPlatform();

const unbindRequest = (session: Session, ...deviceIds: string[]) => ({ UserID: session.userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) });

async function devicesOf(p: TestPlatform, session: Session): Promise<string[]> {
  const { data, error } = await p.client(session.partner).users_devices({ body: { UserID: session.userId } });
  assert.ok(data, JSON.stringify(error));
  return data.Device.map((d) => d.DeviceInfo.deviceID);
}

/** The reply of a batch in which one device failed with this refusal (the spec's example, with this request's ids). */
function oneFailed(reply: Awaited<ReturnType<typeof send>>, total: number, deviceId: string, failure: { RetCode: string; RetInfo: string }) {
  const standard = replyExample('user_unbindDevices.500.response');
  const refused = assertPartlyFailed(reply, new RegExp(`^1 of ${total} devices failed`));
  assert.deepEqual(refused, { ...standard, RetInfo: refused.RetInfo, FailedIDs: [deviceId], Failures: [{ deviceID: deviceId, ...failure }] });
}

describe('7.2.2 device unbind', () => {
  it('7.2.2 the standard unbind: the device is unbound and the reply is the standard one with an empty FailedIDs (E-10)', async () => {
    const p = platform();
    const alice = await p.login();
    const body = requestExample('user_unbindDevices');
    body.UserID = alice.userId;
    await p.bind(alice, body.Device[0]!.DeviceInfo.deviceID);

    const { data } = await p.client().user_unbindDevices({ body });

    assert.deepEqual(data, replyExample('user_unbindDevices.standard.response'));
    assert.deepEqual(await devicesOf(p, alice), []);
  });

  it('7.2.2 a device named by its UDeviceID is unbound', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addVendorDevice();
    await p.bind(alice, washer.deviceId);
    assert.deepEqual((await p.client().user_unbindDevices({ body: unbindRequest(alice, washer.udeviceId) })).data, replyExample('user_unbindDevices.standard.response'));
    assert.deepEqual(await devicesOf(p, alice), []);
  });

  it('7.2.2 a device that is not bound to the user → RetCode 500 with Failures RetCode 4031, as the spec\'s example', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addDevice();
    const reply = await send(p, 'user_unbindDevices', unbindRequest(alice, washer));
    oneFailed(reply, 1, washer, errorExample('4031', { '0007A88A184D': washer, '100013954770780042': alice.userId }));
  });

  it('7.2.2 a partly failed batch (E-24): the unknown device is in FailedIDs with RetCode 4041; the bound one is unbound', async () => {
    const p = platform();
    const alice = await p.login();
    const [washer, heater] = [await p.addDevice(), await p.addDevice('05001001')];
    await p.bind(alice, washer, heater);
    const reply = await send(p, 'user_unbindDevices', unbindRequest(alice, washer, 'NO-SUCH-DEVICE'));
    oneFailed(reply, 2, 'NO-SUCH-DEVICE', errorExample('4041', { '0007A88A184D': 'NO-SUCH-DEVICE' }));
    assert.deepEqual(await devicesOf(p, alice), [heater]);
  });

  describe('a user never unbinds another user\'s devices', () => {
    it('7.2.2 a second user of the same partner unbinding the first user\'s device → Failures RetCode 4031; it stays bound', async () => {
      const p = platform();
      const alice = await p.login();
      const bob = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      const reply = await send(p, 'user_unbindDevices', unbindRequest(bob, washer));
      oneFailed(reply, 1, washer, errorExample('4031', { '0007A88A184D': washer, '100013954770780042': bob.userId }));
      assert.deepEqual(await devicesOf(p, alice), [washer]);
    });

    it('7.2.2 a user sharing the device through trust unbinds only their own binding', async () => {
      const p = platform();
      const familyId = `family-unbind-${process.pid}`;
      const alice = await p.login({ familyId });
      const bob = await p.login({ familyId });
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      await p.bind(bob, washer);
      assert.deepEqual((await p.client().user_unbindDevices({ body: unbindRequest(bob, washer) })).data, replyExample('user_unbindDevices.standard.response'));
      assert.deepEqual(await devicesOf(p, bob), []);
      assert.deepEqual(await devicesOf(p, alice), [washer]);
    });

    it('7.2.2 another partner naming this user → RetCode 4042; the device stays bound', async () => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      const reply = await send(p, 'user_unbindDevices', unbindRequest(alice, washer), { as: p.otherPartner });
      assert.deepEqual(assertRefused(reply, '4042'), errorExample('4042', { '100013954770780042': alice.userId }));
      assert.deepEqual(await devicesOf(p, alice), [washer]);
    });
  });

  it('7.2.2 a UserID no one has → RetCode 4042', async () => {
    const p = platform();
    assert.deepEqual(assertRefused(await send(p, 'user_unbindDevices', requestExample('user_unbindDevices')), '4042'), errorExample('4042'));
  });

  describe('contract', () => {
    contractRefusals({
      operationId: 'user_unbindDevices',
      platform,
      valid: async (p) => {
        const session = await p.login();
        const washer = await p.addDevice();
        await p.bind(session, washer);
        return { session, body: unbindRequest(session, washer) };
      },
      missing: 'Device',
      mistyped: ['Device', { DeviceInfo: { deviceID: '0007A88A184D' } }],
    });
  });
});
