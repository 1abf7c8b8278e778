// 7.1.1 user login, against the running platform: the partner verifies its user (7.1.4), this
// platform issues the userID and an AccessToken; every refusal the interface documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheaaPartnerRequestBody } from '../../generated/cheaa-c2c/partner.handlers.ts';
import type { RetCode } from '../../generated/cheaa-c2c/platform.retcodes.ts';
import { PLATFORM_PLAT_ID, replyExample, requestExample } from '../support/examples.ts';
import { sharedPlatform, startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { type PartnerBehaviour } from '../support/test-partner.ts';
import { assertRefused, contractRefusals, send } from './support/contract.ts';

const platform = sharedPlatform();

/** The standard's login request for a user the partner knows (or not), with this AuthToken. */
function loginRequest(p: TestPlatform, loginId: string, authToken: string, known = true) {
  if (known) p.partner.users.set(loginId, authToken);
  const body = requestExample('user_login');
  body.User[0]!.UserBase.loginID = loginId;
  body.AuthToken = authToken;
  return body;
}

let serial = 0;
const newLoginId = () => `login-${process.pid}-${++serial}`;

describe('7.1.1 user login', () => {
  it('7.1.1 the standard login: the partner verifies the user, the reply is the standard one with a new userID, an AccessToken header and this PlatID', async () => {
    const p = platform();
    const body = requestExample('user_login');
    const { loginID } = body.User[0]!.UserBase;
    p.partner.users.set(loginID, body.AuthToken);

    const { data, response } = await p.client().user_login({ body });

    const standard = replyExample('user_login.standard.response');
    assert.ok(data);
    const userID = data.User[0]!.UserBase.userID;
    assert.match(userID, /^[1-9][0-9]{17}$/, 'an 18-digit userID like the standard examples');
    assert.deepEqual(data, { ...standard, User: [{ UserBase: { userID } }] });
    assert.equal(response.headers.get('PlatID'), PLATFORM_PLAT_ID);
    assert.match(response.headers.get('AccessToken') ?? '', /^[A-Za-z0-9_-]{43}$/, '256 random bits');
    // 7.1.4 as this platform sent it: its PlatID, the user and the AuthToken in the body (E-03).
    const [verify] = p.partner.arrivals;
    assert.equal(verify?.operationId, 'user_verify');
    assert.equal(verify?.headers.platid, PLATFORM_PLAT_ID);
    assert.deepEqual(verify?.body, { User: [{ UserBase: { loginID } }], AuthToken: body.AuthToken } satisfies CheaaPartnerRequestBody<'user_verify'>);
  });

  it('7.1.1 a later login of the same loginID finds the same userID and issues another AccessToken; both stay valid', async () => {
    const p = platform();
    const first = await p.login();
    const second = await p.login({ loginId: first.loginId });
    assert.equal(second.userId, first.userId);
    assert.notEqual(second.accessToken, first.accessToken);
    // 7.2.7 takes only a valid AccessToken of the user.
    const washer = await p.addDevice();
    await p.bind(first, washer);
    for (const token of [first.accessToken, second.accessToken]) {
      const command = { UserID: first.userId, Device: [{ DeviceInfo: { deviceID: washer }, DeviceAttr: { onOffStatus: 'True' } }] };
      const reply = await send(p, 'devices_op', command, { headers: { AccessToken: token } });
      assert.deepEqual(reply.body, replyExample('devices_op.standard.response'));
    }
  });

  it('7.1.1 the same loginID at another partner is another user, who sees none of the first one\'s devices', async () => {
    const p = platform();
    const here = await p.login();
    const washer = await p.addDevice();
    await p.bind(here, washer);
    const there = await p.login({ partner: p.otherPartner, loginId: here.loginId });
    assert.notEqual(there.userId, here.userId);
    const { data } = await there.client.users_devices({ body: { UserID: there.userId } });
    assert.deepEqual(data?.Device, []);
  });

  describe('refused by the partner (7.1.4) → RetCode 4032, and no user is created', () => {
    const rows: [name: string, arrange: (p: TestPlatform, loginId: string) => { authToken: string; known: boolean; verify?: PartnerBehaviour }][] = [
      ['a loginID the partner does not know (it answers 4042)', () => ({ authToken: 'any-token-0001', known: false })],
      ['an AuthToken the partner did not issue to this user (it answers 4011)', (p, loginId) => {
        p.partner.users.set(loginId, 'the-real-token');
        return { authToken: 'a-forged-token', known: false };
      }],
      ['a partner that refuses whatever it is asked', () => ({ authToken: 'any-token-0002', known: true, verify: 'refuse' })],
    ];
    for (const [name, arrange] of rows) {
      it(`7.1.1 ${name} → RetCode 4032`, async () => {
        const p = platform();
        const loginId = newLoginId();
        const { authToken, known, verify } = arrange(p, loginId);
        if (verify) p.partner.verify = verify;
        const reply = await send(p, 'user_login', loginRequest(p, loginId, authToken, known));
        assertRefused(reply, '4032', new RegExp(`${p.partner.platId} refused user ${loginId}`));
        assert.equal(reply.headers.get('AccessToken'), null, 'no AccessToken');
        assert.equal(await p.store.users.findByLogin(p.partner.platId, loginId), undefined);
      });
    }
  });

  describe('the partner cannot answer (7.1.4) → RetCode 502, and no user is created', () => {
    const rows: [name: string, verify: PartnerBehaviour | 'down', retInfo: RegExp][] = [
      ['is down (connection refused)', 'down', /user verify interface of MB-JDAPP-0000 failed: .*ECONNREFUSED/],
      ['closes the connection without a reply', 'drop', /user verify interface of MB-JDAPP-0000 failed/],
      ['fails with HTTP 500 (an error of its own, not a refusal of the user)', 'fail500', /user verify interface of MB-JDAPP-0000 failed: HTTP 500/],
    ];
    for (const [name, verify, retInfo] of rows) {
      it(`7.1.1 a partner that ${name} → RetCode 502`, async (t) => {
        const p = platform();
        const loginId = newLoginId();
        if (verify === 'down') {
          await p.partner.stop();
          t.after(() => p.partner.start());
        } else {
          p.partner.verify = verify;
        }
        assertRefused(await send(p, 'user_login', loginRequest(p, loginId, 'a-valid-token')), '502', retInfo);
        assert.equal(await p.store.users.findByLogin(p.partner.platId, loginId), undefined);
      });
    }

    it('7.1.1 a partner that does not answer within verifyTimeoutMs → RetCode 502, without waiting for it', async (t) => {
      const p = await startTestPlatform(t, { limits: { verifyTimeoutMs: 200 } });
      p.partner.verify = 'slow';
      const loginId = newLoginId();
      const started = Date.now();
      assertRefused(await send(p, 'user_login', loginRequest(p, loginId, 'a-valid-token')), '502', /user verify interface of MB-JDAPP-0000 failed: .*no answer within 200 ms/);
      assert.ok(Date.now() - started < p.partner.slowMs, 'the platform stopped waiting at its timeout');
      assert.equal(await p.store.users.findByLogin(p.partner.platId, loginId), undefined);
    });
  });

  describe('contract', () => {
    contractRefusals({
      operationId: 'user_login',
      platform,
      valid: async (p) => ({ body: loginRequest(p, newLoginId(), 'a-valid-token') }),
      missing: 'AuthToken',
      mistyped: ['User', { UserBase: { loginID: 'not-an-array' } }],
    });

    const invalid: [name: string, change: (body: ReturnType<typeof requestExample<'user_login'>>) => void, field: RegExp][] = [
      ['two users in User (E-11: exactly one)', (b) => b.User.push(structuredClone(b.User[0]!)), /User/],
      ['a loginID over 20 characters (table 14)', (b) => (b.User[0]!.UserBase.loginID = 'x'.repeat(21)), /loginID/],
      ['a loginName with a forbidden character (table 14)', (b) => (b.User[0]!.UserBase.loginName = 'bad/name'), /loginName/],
      ['a field the standard does not define in UserBase', (b) => Object.assign(b.User[0]!.UserBase, { nickname: 'x' }), /nickname|additional/],
    ];
    for (const [name, change, field] of invalid) {
      it(`7.1.1 with ${name} → RetCode 400 naming the field`, async () => {
        const p = platform();
        const body = loginRequest(p, newLoginId(), 'a-valid-token');
        change(body);
        assertRefused(await send(p, 'user_login', body), '400' satisfies RetCode, field);
        assert.equal(p.partner.arrivals.length, 0, 'refused before asking the partner');
      });
    }
  });
});
