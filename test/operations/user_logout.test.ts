// 7.1.2 user logout, against the running platform: the AccessToken of the request stops working,
// and nobody else's does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { assertRefused, contractRefusals, errorExample, send, tokenRefusals } from './support/contract.ts';

const platform = sharedPlatform();

/** Whether the token still opens the user's session: 7.2.6 on a device of the user checks a token that is sent (E-32). */
async function tokenWorks(p: TestPlatform, session: Session, token = session.accessToken): Promise<boolean> {
  const device = await p.addDevice();
  await p.bind(session, device);
  const body = { UserID: session.userId, Device: [{ DeviceInfo: { deviceID: device } }] };
  const reply = await send(p, 'devices_deviceStatus', body, { as: session.partner, headers: { AccessToken: token } });
  if (reply.status === 200) return true;
  assertRefused(reply, '4011');
  return false;
}

const valid = async (p: TestPlatform) => ({ session: await p.login(), body: requestExample('user_logout') as Record<string, unknown> });

describe('7.1.2 user logout', () => {
  it('7.1.2 the standard logout: the reply is the standard one and the AccessToken stops working', async () => {
    const p = platform();
    const alice = await p.login();
    assert.equal(await tokenWorks(p, alice), true);

    const { data } = await alice.client.user_logout({ body: requestExample('user_logout') });

    assert.deepEqual(data, replyExample('user_logout.standard.response'));
    assert.equal(await tokenWorks(p, alice), false);
    const again = await send(p, 'user_logout', {}, { headers: { AccessToken: alice.accessToken } });
    assert.deepEqual(assertRefused(again, '4011'), errorExample('4011'), 'a second logout with it is refused');
  });

  it('7.1.2 logout ends only the session of its AccessToken: the same user\'s other login stays valid', async () => {
    const p = platform();
    const phone = await p.login();
    const tablet = await p.login({ loginId: phone.loginId });
    assert.equal((await phone.client.user_logout({ body: {} })).response.status, 200);
    assert.equal(await tokenWorks(p, phone), false);
    assert.equal(await tokenWorks(p, tablet), true);
  });

  describe('a user never ends another user\'s session', () => {
    it('7.1.2 a second user of the same partner logging out leaves the first user\'s AccessToken valid', async () => {
      const p = platform();
      const alice = await p.login();
      const bob = await p.login();
      assert.equal((await bob.client.user_logout({ body: {} })).response.status, 200);
      assert.equal(await tokenWorks(p, alice), true);
    });

    it('7.1.2 another partner presenting this user\'s AccessToken → RetCode 4011, and the session stays valid', async () => {
      const p = platform();
      const alice = await p.login();
      const reply = await send(p, 'user_logout', {}, { as: p.otherPartner, headers: { AccessToken: alice.accessToken } });
      assert.deepEqual(assertRefused(reply, '4011'), errorExample('4011'));
      assert.equal(await tokenWorks(p, alice), true);
    });
  });

  describe('contract', () => {
    tokenRefusals({ operationId: 'user_logout', platform, valid });
    // The body of table 20 is empty: any field is one too many.
    contractRefusals({ operationId: 'user_logout', platform, valid, unknownField: /must NOT have more than 0 properties/ });
  });
});
