// 7.1.3 user unregister, against the running platform: the account goes with its tokens and its
// bindings, and only the account the AccessToken belongs to.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PLATFORM_PLAT_ID, replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { assertRefused, contractRefusals, errorExample, send, tokenRefusals } from './support/contract.ts';

const platform = sharedPlatform();

/** The standard's unregister request (E-09: User with loginID and status 2) for this user. */
function unregisterRequest(session: Pick<Session, 'loginId'>) {
  const body = requestExample('user_unregister');
  body.User[0]!.UserBase.loginID = session.loginId;
  return body;
}

const valid = async (p: TestPlatform) => {
  const session = await p.login();
  return { session, body: unregisterRequest(session) as unknown as Record<string, unknown> };
};

/** What 7.2.3 says of the user: its devices, or the refusal. */
const devicesOf = (p: TestPlatform, session: Session) => send(p, 'users_devices', { UserID: session.userId }, { as: session.partner });

describe('7.1.3 user unregister', () => {
  it('7.1.3 the standard unregister: the reply is the standard one with this PlatID; the userID, every token and every binding are gone', async () => {
    const p = platform();
    const alice = await p.login();
    const otherLogin = await p.login({ loginId: alice.loginId });
    const washer = await p.addDevice();
    await p.bind(alice, washer);

    const { data, response } = await alice.client.user_unregister({ body: unregisterRequest(alice) });

    assert.deepEqual(data, replyExample('user_unregister.standard.response'));
    assert.equal(response.headers.get('PlatID'), PLATFORM_PLAT_ID);
    assert.deepEqual(assertRefused(await devicesOf(p, alice), '4042'), errorExample('4042', { '100013954770780042': alice.userId }));
    for (const token of [alice.accessToken, otherLogin.accessToken]) {
      assertRefused(await send(p, 'user_logout', {}, { headers: { AccessToken: token } }), '4011');
    }
    // The binding went with the account: someone else may bind the device without anyone's trust.
    const bob = await p.login();
    await p.bind(bob, washer);
  });

  it('7.1.3 the loginID may come back: its next login registers it anew, with a new userID and no devices', async () => {
    const p = platform();
    const alice = await p.login();
    await p.bind(alice, await p.addDevice());
    assert.equal((await alice.client.user_unregister({ body: unregisterRequest(alice) })).response.status, 200);
    const again = await p.login({ loginId: alice.loginId });
    assert.notEqual(again.userId, alice.userId);
    assert.deepEqual((await devicesOf(p, again)).body, { RetCode: '200', RetInfo: 'ok', Device: [] });
  });

  describe('a user never unregisters another user', () => {
    it('7.1.3 an AccessToken naming the loginID of a second user of the same partner → RetCode 4011, and both accounts stay', async () => {
      const p = platform();
      const alice = await p.login();
      const bob = await p.login();
      const reply = await send(p, 'user_unregister', unregisterRequest(bob), { headers: { AccessToken: alice.accessToken } });
      assertRefused(reply, '4011', new RegExp(`does not belong to loginID ${bob.loginId}`));
      for (const user of [alice, bob]) assert.equal((await devicesOf(p, user)).status, 200);
    });

    it('7.1.3 another partner presenting this user\'s AccessToken → RetCode 4011, and the account stays', async () => {
      const p = platform();
      const alice = await p.login();
      const reply = await send(p, 'user_unregister', unregisterRequest(alice), { as: p.otherPartner, headers: { AccessToken: alice.accessToken } });
      assert.deepEqual(assertRefused(reply, '4011'), errorExample('4011'));
      assert.equal((await devicesOf(p, alice)).status, 200);
    });

    it('7.1.3 a user of another partner with the same loginID is not touched', async () => {
      const p = platform();
      const here = await p.login();
      const there = await p.login({ partner: p.otherPartner, loginId: here.loginId });
      assert.equal((await here.client.user_unregister({ body: unregisterRequest(here) })).response.status, 200);
      assert.equal((await devicesOf(p, there)).status, 200);
    });
  });

  describe('contract', () => {
    tokenRefusals({ operationId: 'user_unregister', platform, valid });
    contractRefusals({ operationId: 'user_unregister', platform, valid, missing: 'User', mistyped: ['User', 'ACompanyUser132df43'] });

    it('7.1.3 without UserBase.status, which table 23 requires → RetCode 400 naming it', async () => {
      const p = platform();
      const alice = await p.login();
      const body = unregisterRequest(alice);
      // The typed body cannot lack what the contract requires; this one is built to break it.
      delete (body.User[0]!.UserBase as { status?: string }).status;
      assertRefused(await send(p, 'user_unregister', body, { headers: { AccessToken: alice.accessToken } }), '400', /status/);
      assert.equal((await devicesOf(p, alice)).status, 200);
    });
  });
});
