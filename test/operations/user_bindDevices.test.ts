// 7.2.1 device bind, against the running platform: each device on its own (E-24), a device bound
// to another user only with that owner's trust, which users of one partner sharing a familyId
// grant each other (src/domain/accounts.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { assertPartlyFailed, assertRefused, contractRefusals, errorExample, send } from './support/contract.ts';

const platform = sharedPlatform();

const bindRequest = (session: Session, ...deviceIds: string[]) => ({ UserID: session.userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) });

/** The deviceIDs 7.2.3 lists for the user. */
async function devicesOf(p: TestPlatform, session: Session): Promise<string[]> {
  const { data, error } = await p.client(session.partner).users_devices({ body: { UserID: session.userId } });
  assert.ok(data, JSON.stringify(error));
  return data.Device.map((d) => d.DeviceInfo.deviceID);
}

let families = 0;
const newFamily = () => `family-${process.pid}-${++families}`;

describe('7.2.1 device bind', () => {
  it('7.2.1 the standard bind: both devices are bound and the reply is the standard one', async () => {
    const p = platform();
    const alice = await p.login();
    const body = requestExample('user_bindDevices');
    body.UserID = alice.userId;

    const { data } = await p.client().user_bindDevices({ body });

    assert.deepEqual(data, replyExample('user_bindDevices.standard.response'));
    assert.deepEqual((await devicesOf(p, alice)).sort(), body.Device.map((d) => d.DeviceInfo.deviceID).sort());
  });

  it('7.2.1 a device named by its UDeviceID (clause 6.4; note to 7.2.1) is bound under this platform\'s deviceID', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addVendorDevice();
    assert.deepEqual((await p.client().user_bindDevices({ body: bindRequest(alice, washer.udeviceId) })).data, replyExample('user_bindDevices.standard.response'));
    assert.deepEqual(await devicesOf(p, alice), [washer.deviceId]);
  });

  it('7.2.1 binding a device the user has already bound succeeds and changes nothing', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addDevice();
    await p.bind(alice, washer);
    await p.bind(alice, washer);
    assert.deepEqual(await devicesOf(p, alice), [washer]);
  });

  it('7.2.1 a partly failed batch (E-24): RetCode 500 with the unknown device in FailedIDs and Failures (4041); the other device is bound', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addDevice();
    const reply = await send(p, 'user_bindDevices', bindRequest(alice, washer, 'NO-SUCH-DEVICE'));

    const standard = replyExample('user_bindDevices.500.response');
    const refused = assertPartlyFailed(reply, new RegExp(`^${String(standard.RetInfo)}`));
    const missing = errorExample('4041', { '0006D56B152A': 'NO-SUCH-DEVICE', '0007A88A184D': 'NO-SUCH-DEVICE' });
    assert.deepEqual(refused, {
      ...standard,
      RetInfo: refused.RetInfo,
      FailedIDs: ['NO-SUCH-DEVICE'],
      Failures: [{ deviceID: 'NO-SUCH-DEVICE', ...missing }],
    });
    assert.deepEqual(await devicesOf(p, alice), [washer]);
  });

  describe('a device bound to another user, who must trust this one', () => {
    it('7.2.1 a device bound to another user of the same partner who does not trust this user → Failures RetCode 409; it stays the owner\'s only', async () => {
      const p = platform();
      const alice = await p.login();
      const bob = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);

      const reply = await send(p, 'user_bindDevices', bindRequest(bob, washer));

      const refused = assertPartlyFailed(reply);
      assert.deepEqual(refused.FailedIDs, [washer]);
      assert.deepEqual(refused.Failures, [{ deviceID: washer, RetCode: '409', RetInfo: `device ${washer} is bound to another user who does not trust this user` }]);
      assert.deepEqual(await devicesOf(p, bob), []);
      assert.deepEqual(await devicesOf(p, alice), [washer]);
    });

    it('7.2.1 users of one partner sharing a familyId trust each other: the second binds the first\'s device, and so the other way', async () => {
      const p = platform();
      const familyId = newFamily();
      const alice = await p.login({ familyId });
      const bob = await p.login({ familyId });
      const washer = await p.addDevice();
      const heater = await p.addDevice('05001001');
      await p.bind(alice, washer);
      await p.bind(bob, heater);

      await p.bind(bob, washer);
      await p.bind(alice, heater);

      assert.deepEqual((await devicesOf(p, alice)).sort(), [washer, heater].sort());
      assert.deepEqual((await devicesOf(p, bob)).sort(), [washer, heater].sort());
    });

    it('7.2.1 trust does not cross partners: a user of another partner with the same familyId → Failures RetCode 409', async () => {
      const p = platform();
      const familyId = newFamily();
      const alice = await p.login({ familyId });
      const carol = await p.login({ partner: p.otherPartner, familyId });
      const washer = await p.addDevice();
      await p.bind(alice, washer);

      const refused = assertPartlyFailed(await send(p, 'user_bindDevices', bindRequest(carol, washer), { as: p.otherPartner }));
      assert.deepEqual(refused.Failures, [{ deviceID: washer, RetCode: '409', RetInfo: `device ${washer} is bound to another user who does not trust this user` }]);
      assert.deepEqual(await devicesOf(p, carol), []);
    });

    it('7.2.1 a partner naming a user of another partner → RetCode 4042, and nothing is bound', async () => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      const reply = await send(p, 'user_bindDevices', bindRequest(alice, washer), { as: p.otherPartner });
      assert.deepEqual(assertRefused(reply, '4042'), errorExample('4042', { '100013954770780042': alice.userId }));
      assert.deepEqual(await devicesOf(p, alice), []);
    });
  });

  it('7.2.1 a UserID no one has → RetCode 4042', async () => {
    const p = platform();
    const reply = await send(p, 'user_bindDevices', { UserID: '100013954770780042', Device: [{ DeviceInfo: { deviceID: await p.addDevice() } }] });
    assert.deepEqual(assertRefused(reply, '4042'), errorExample('4042'));
  });

  describe('contract', () => {
    contractRefusals({
      operationId: 'user_bindDevices',
      platform,
      valid: async (p) => {
        const session = await p.login();
        return { session, body: bindRequest(session, await p.addDevice()) };
      },
      missing: 'Device',
      // E-16: the standard's example sends a number, which JavaScript cannot hold exactly.
      mistyped: ['UserID', 100013954770780042],
    });

    it('7.2.1 with an empty Device array → RetCode 400 naming it', async () => {
      const p = platform();
      const alice = await p.login();
      assertRefused(await send(p, 'user_bindDevices', { UserID: alice.userId, Device: [] }), '400', /Device/);
    });
  });
});
