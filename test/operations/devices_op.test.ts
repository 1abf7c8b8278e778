// 7.2.7 device operation, against the running platform: the user's AccessToken (E-14), devices
// bound to the user only, every command valid for its device or nothing changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeviceTypes, replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { assertRefused, contractRefusals, errorExample, send, tokenRefusals } from './support/contract.ts';

const platform = sharedPlatform();

type Command = [deviceID: string, attrs: Record<string, string>];
const opRequest = (session: Session, ...commands: Command[]) => ({
  UserID: session.userId,
  Device: commands.map(([deviceID, DeviceAttr]) => ({ DeviceInfo: { deviceID }, DeviceAttr })),
});

/** The devices' state as 7.2.6 reads it. */
async function stateOf(p: TestPlatform, session: Session, ...deviceIds: string[]): Promise<Record<string, string>[]> {
  const { data, error } = await p.client(session.partner).devices_deviceStatus({ body: { UserID: session.userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) } });
  assert.ok(data, JSON.stringify(error));
  return data.Device.map((d) => d.DeviceAttr as Record<string, string>);
}

const idleWasher = { onOffStatus: 'False', laundryCycle: '1', runningstatus: '0', doorLockStatus: 'False', onLine: 'True' };

describe('7.2.7 device operation', () => {
  it('7.2.7 the standard\'s two operations: switch the washing machine on, then choose laundry cycle 5; each reply is the standard one and the cycle starts', async () => {
    const p = platform();
    const alice = await p.login();
    const [start, cycle] = [requestExample('devices_op'), requestExample('devices_op', 'standard-laundry-cycle')];
    const washer = start.Device[0]!.DeviceInfo.deviceID;
    await p.bind(alice, washer);

    for (const body of [start, cycle]) {
      body.UserID = alice.userId;
      const { data } = await alice.client.devices_op({ body });
      assert.deepEqual(data, replyExample('devices_op.standard.response'));
    }

    assert.deepEqual(await stateOf(p, alice, washer), [{ onOffStatus: 'True', laundryCycle: '5', runningstatus: '1', doorLockStatus: 'True', onLine: 'True' }]);
  });

  it('7.2.7 one request may operate several devices; a device may be named by its UDeviceID', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addVendorDevice();
    const conditioner = await p.addDevice(DeviceTypes.airConditioner);
    await p.bind(alice, washer.deviceId, conditioner);
    const body = opRequest(alice, [washer.udeviceId, { onOffStatus: 'True' }], [conditioner, { onOffStatus: 'True', mode: 'heat', targetTemperature: '22' }]);
    assert.deepEqual((await alice.client.devices_op({ body })).data, replyExample('devices_op.standard.response'));
    const [washerState, conditionerState] = await stateOf(p, alice, washer.deviceId, conditioner);
    assert.equal(washerState?.onOffStatus, 'True');
    assert.deepEqual(conditionerState, { onOffStatus: 'True', mode: 'heat', targetTemperature: '22', windSpeed: 'auto', indoorTemperature: '30', onLine: 'True' });
  });

  describe('a command the device cannot carry out → RetCode 500 (HTTP 422), and nothing changes', () => {
    const rows: [name: string, attrs: Record<string, string>, retInfo: RegExp][] = [
      ['a value out of range (the spec\'s example)', { onOffStatus: 'True', laundryCycle: '9' }, /^device \S+: laundryCycle must be one of 1 \(cotton\), .* or 6 \(delicates\)$/],
      ['an attribute the device does not have', { targetTemperature: '40' }, /unknown attribute 'targetTemperature' for a drum washing machine/],
      ['a read-only attribute', { doorLockStatus: 'True' }, /doorLockStatus cannot be set: it is read-only/],
      ['a command the state does not allow (a cycle while powered off)', { laundryCycle: '3' }, /laundryCycle cannot be set while the drum washing machine is powered off/],
    ];
    for (const [name, attrs, retInfo] of rows) {
      it(`7.2.7 ${name} → RetCode 500`, async () => {
        const p = platform();
        const alice = await p.login();
        const washer = await p.addDevice();
        await p.bind(alice, washer);
        const reply = await send(p, 'devices_op', opRequest(alice, [washer, attrs]), { headers: { AccessToken: alice.accessToken } });
        const refused = assertRefused(reply, '500', retInfo);
        assert.deepEqual(Object.keys(refused).sort(), Object.keys(replyExample('devices_op.500.response')).sort());
        assert.deepEqual(await stateOf(p, alice, washer), [idleWasher]);
      });
    }

    it('7.2.7 all or none: a valid command beside a refused one is not applied either, and nothing is reported', async () => {
      const p = platform();
      const alice = await p.login();
      const [washer, conditioner] = [await p.addDevice(), await p.addDevice(DeviceTypes.airConditioner)];
      await p.bind(alice, washer, conditioner);
      const body = opRequest(alice, [washer, { onOffStatus: 'True' }], [conditioner, { targetTemperature: '99' }]);
      assertRefused(await send(p, 'devices_op', body, { headers: { AccessToken: alice.accessToken } }), '500', new RegExp(`^device ${conditioner}: targetTemperature must be an integer from 16 to 30`));
      assert.deepEqual(await stateOf(p, alice, washer), [idleWasher]);
      const { rows } = await p.db.query('SELECT 1 FROM outbox WHERE device_id = ANY($1::text[])', [[washer, conditioner]]);
      assert.equal(rows.length, 0);
    });

    it('7.2.7 a device that is offline → RetCode 500', async () => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      await p.running.devices.setOnline(washer, false);
      assertRefused(await send(p, 'devices_op', opRequest(alice, [washer, { onOffStatus: 'True' }]), { headers: { AccessToken: alice.accessToken } }), '500', /the device is offline/);
    });
  });

  it('7.2.7 a device the user has not bound → RetCode 4031, and nothing changes', async () => {
    const p = platform();
    const alice = await p.login();
    const [mine, notMine] = [await p.addDevice(), await p.addDevice()];
    await p.bind(alice, mine);
    const reply = await send(p, 'devices_op', opRequest(alice, [mine, { onOffStatus: 'True' }], [notMine, { onOffStatus: 'True' }]), { headers: { AccessToken: alice.accessToken } });
    assert.deepEqual(assertRefused(reply, '4031'), errorExample('4031', { '0007A88A184D': notMine, '100013954770780042': alice.userId }));
    assert.deepEqual(await stateOf(p, alice, mine), [idleWasher]);
  });

  it('7.2.7 a device this platform does not have → RetCode 4041', async () => {
    const p = platform();
    const alice = await p.login();
    const reply = await send(p, 'devices_op', opRequest(alice, ['NO-SUCH-DEVICE', { onOffStatus: 'True' }]), { headers: { AccessToken: alice.accessToken } });
    assert.deepEqual(assertRefused(reply, '4041'), errorExample('4041', { '0007A88A184D': 'NO-SUCH-DEVICE' }));
  });

  describe('a user never operates another user\'s devices', () => {
    it('7.2.7 a second user of the same partner, with their own AccessToken, operating the first user\'s device → RetCode 4031; it is unchanged', async () => {
      const p = platform();
      const alice = await p.login();
      const bob = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      const reply = await send(p, 'devices_op', opRequest(bob, [washer, { onOffStatus: 'True' }]), { headers: { AccessToken: bob.accessToken } });
      assert.deepEqual(assertRefused(reply, '4031'), errorExample('4031', { '0007A88A184D': washer, '100013954770780042': bob.userId }));
      assert.deepEqual(await stateOf(p, alice, washer), [idleWasher]);
    });

    it('7.2.7 a second user\'s AccessToken naming the first user\'s UserID → RetCode 4011; the device is unchanged', async () => {
      const p = platform();
      const alice = await p.login();
      const bob = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      const reply = await send(p, 'devices_op', opRequest(alice, [washer, { onOffStatus: 'True' }]), { headers: { AccessToken: bob.accessToken } });
      assertRefused(reply, '4011', new RegExp(`AccessToken does not belong to user ${alice.userId}`));
      assert.deepEqual(await stateOf(p, alice, washer), [idleWasher]);
    });

    it('7.2.7 another partner presenting this user\'s AccessToken → RetCode 4011; the device is unchanged', async () => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      const reply = await send(p, 'devices_op', opRequest(alice, [washer, { onOffStatus: 'True' }]), { as: p.otherPartner, headers: { AccessToken: alice.accessToken } });
      assert.deepEqual(assertRefused(reply, '4011'), errorExample('4011'));
      assert.deepEqual(await stateOf(p, alice, washer), [idleWasher]);
    });
  });

  describe('contract', () => {
    const valid = async (p: TestPlatform) => {
      const session = await p.login();
      const washer = await p.addDevice();
      await p.bind(session, washer);
      return { session, body: opRequest(session, [washer, { onOffStatus: 'True' }]) };
    };
    tokenRefusals({ operationId: 'devices_op', platform, valid });
    contractRefusals({ operationId: 'devices_op', platform, valid, missing: 'Device', mistyped: ['Device', [{ DeviceInfo: { deviceID: 'C89346112DD5' }, DeviceAttr: { onOffStatus: true } }]] });

    it('7.2.7 a command that sets nothing → RetCode 400: DeviceAttr names at least one attribute', async () => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      assertRefused(await send(p, 'devices_op', opRequest(alice, [washer, {}]), { headers: { AccessToken: alice.accessToken } }), '400', /DeviceAttr/);
    });
  });
});
