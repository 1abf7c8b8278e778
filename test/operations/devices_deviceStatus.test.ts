// 7.2.6 device status query, against the running platform: reply item i is the state of request
// item i (E-27); the AccessToken is optional, and one that is sent must be the user's (E-32).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeviceTypes, replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, type Session } from '../support/platform.ts';
import { assertRefused, contractRefusals, errorExample, send } from './support/contract.ts';

const platform = sharedPlatform();

const statusRequest = (session: Session, ...deviceIds: string[]) => ({ UserID: session.userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) });
const command = (session: Session, deviceID: string, DeviceAttr: Record<string, string>) => ({ UserID: session.userId, Device: [{ DeviceInfo: { deviceID }, DeviceAttr }] });

describe('7.2.6 device status query', () => {
  it('7.2.6 after switching the standard\'s washing machine on and choosing laundry cycle 3, the standard query returns the standard reply', async () => {
    const p = platform();
    const alice = await p.login();
    const body = requestExample('devices_deviceStatus');
    body.UserID = alice.userId;
    const washer = body.Device[0]!.DeviceInfo.deviceID;
    await p.bind(alice, washer);
    for (const attrs of [{ onOffStatus: 'True' }, { laundryCycle: '3' }] as Record<string, string>[]) {
      assert.equal((await alice.client.devices_op({ body: command(alice, washer, attrs) })).response.status, 200);
    }

    const { data } = await p.client().devices_deviceStatus({ body });

    assert.deepEqual(data, replyExample('devices_deviceStatus.standard.response'));
  });

  it('7.2.6 reply item i is the state of request item i (E-27), devices named by deviceID or UDeviceID', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addDevice(DeviceTypes.washingMachine);
    const heater = await p.addDevice(DeviceTypes.waterHeater);
    const vendorWasher = await p.addVendorDevice(DeviceTypes.washingMachine);
    await p.bind(alice, washer, heater, vendorWasher.deviceId);
    assert.equal((await alice.client.devices_op({ body: command(alice, heater, { onOffStatus: 'True', targetTemperature: '60' }) })).response.status, 200);

    const { data } = await p.client().devices_deviceStatus({ body: statusRequest(alice, heater, vendorWasher.udeviceId, washer) });

    const idleWasher = { onOffStatus: 'False', laundryCycle: '1', runningstatus: '0', doorLockStatus: 'False', onLine: 'True' };
    assert.deepEqual(data?.Device, [
      { DeviceAttr: { onOffStatus: 'True', targetTemperature: '60', currentTemperature: '20', heating: 'True', onLine: 'True' } },
      { DeviceAttr: idleWasher },
      { DeviceAttr: idleWasher },
    ]);
  });

  describe('the AccessToken: optional, and when sent it must be valid and the user\'s (E-32)', () => {
    const rows: [name: string, token: (s: { alice: Session; bob: Session; expired: string }) => string | null, retCode: '200' | '4011' | '4012'][] = [
      ['without one → the state', () => null, '200'],
      ['with the user\'s own → the state', ({ alice }) => alice.accessToken, '200'],
      ['with another user\'s → RetCode 4011', ({ bob }) => bob.accessToken, '4011'],
      ['with a forged one → RetCode 4011', () => 'TGT-5-e5tcvcZhlBxMSwN6Wnp9uWRU', '4011'],
      ['with an expired one → RetCode 4012', ({ expired }) => expired, '4012'],
    ];
    for (const [name, token, retCode] of rows) {
      it(`7.2.6 ${name}`, async () => {
        const p = platform();
        const alice = await p.login();
        const bob = await p.login();
        const washer = await p.addDevice();
        await p.bind(alice, washer);
        await p.bind(bob, await p.addDevice());
        const reply = await send(p, 'devices_deviceStatus', statusRequest(alice, washer), { headers: { AccessToken: token({ alice, bob, expired: await p.expiredToken(alice) }) } });
        if (retCode === '200') assert.equal((reply.body as { Device: unknown[] }).Device.length, 1);
        else assertRefused(reply, retCode);
      });
    }
  });

  it('7.2.6 a device the user has not bound, beside a bound one → RetCode 4031 for the whole request (E-27)', async () => {
    const p = platform();
    const alice = await p.login();
    const [mine, notMine] = [await p.addDevice(), await p.addDevice()];
    await p.bind(alice, mine);
    const reply = await send(p, 'devices_deviceStatus', statusRequest(alice, mine, notMine));
    assert.deepEqual(assertRefused(reply, '4031'), errorExample('4031', { '0007A88A184D': notMine, '100013954770780042': alice.userId }));
  });

  it('7.2.6 a device this platform does not have → RetCode 4041', async () => {
    const p = platform();
    const alice = await p.login();
    assert.deepEqual(assertRefused(await send(p, 'devices_deviceStatus', statusRequest(alice, 'NO-SUCH-DEVICE')), '4041'), errorExample('4041', { '0007A88A184D': 'NO-SUCH-DEVICE' }));
  });

  it('7.2.6 a UserID no one has → RetCode 4042', async () => {
    const p = platform();
    assert.deepEqual(assertRefused(await send(p, 'devices_deviceStatus', requestExample('devices_deviceStatus')), '4042'), errorExample('4042'));
  });

  describe('a user never sees another user\'s devices', () => {
    it('7.2.6 a second user of the same partner asking for the first user\'s device → RetCode 4031', async () => {
      const p = platform();
      const alice = await p.login();
      const bob = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      const reply = await send(p, 'devices_deviceStatus', statusRequest(bob, washer), { headers: { AccessToken: bob.accessToken } });
      assert.deepEqual(assertRefused(reply, '4031'), errorExample('4031', { '0007A88A184D': washer, '100013954770780042': bob.userId }));
    });

    it('7.2.6 another partner naming this user → RetCode 4042, with or without the user\'s AccessToken', async () => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      for (const AccessToken of [null, alice.accessToken]) {
        const reply = await send(p, 'devices_deviceStatus', statusRequest(alice, washer), { as: p.otherPartner, headers: { AccessToken } });
        assert.deepEqual(assertRefused(reply, '4042'), errorExample('4042', { '100013954770780042': alice.userId }));
      }
    });
  });

  describe('contract', () => {
    contractRefusals({
      operationId: 'devices_deviceStatus',
      platform,
      valid: async (p) => {
        const session = await p.login();
        const washer = await p.addDevice();
        await p.bind(session, washer);
        return { session, body: statusRequest(session, washer) };
      },
      missing: 'Device',
      mistyped: ['Device', [{ DeviceInfo: 'C89346112DD5' }]],
    });
  });
});
