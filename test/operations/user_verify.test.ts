// 7.1.4 user verify, hosted by the platform in its partner role (role A): another platform asks
// whether a user and AuthToken are this platform's, through the generated partner client.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheaaPartnerRequestBody } from '../../generated/cheaa-c2c/partner.handlers.ts';
import { LOCAL_USER, partnerExample } from '../support/examples.ts';
import { sharedPlatform, type TestPlatform } from '../support/platform.ts';
import { assertRefused } from './support/contract.ts';

const platform = sharedPlatform();

type VerifyRequest = CheaaPartnerRequestBody<'user_verify'>;
const standardRequest = () => partnerExample<VerifyRequest>('user_verify.standard.request');

async function verify(p: TestPlatform, body: unknown, options: { headers?: Record<string, string | null>; raw?: string } = {}) {
  const init: Record<string, unknown> = { body, headers: options.headers ?? {} };
  if (options.raw !== undefined) init.bodySerializer = () => options.raw;
  const { data, error, response } = await p.partnerClient().user_verify(init as never);
  return { status: response.status, body: data ?? error, headers: response.headers };
}

describe('7.1.4 user verify (the platform as partner)', () => {
  it('7.1.4 the standard verify: a user of this platform with its AuthToken → the standard reply', async () => {
    const p = platform();
    const body = standardRequest();
    assert.equal(body.User[0]!.UserBase.loginID, LOCAL_USER.loginId, 'the configured local user is the example\'s');
    const { data, response } = await p.partnerClient().user_verify({ body });
    assert.equal(response.status, 200);
    assert.deepEqual(data, partnerExample('user_verify.standard.response'));
  });

  it('7.1.4 a loginID this platform does not know → RetCode 4042, as the spec\'s example', async () => {
    const p = platform();
    const body = standardRequest();
    body.User[0]!.UserBase.loginID = 'someone-else';
    const reply = await verify(p, body);
    const standard = partnerExample<{ RetCode: string; RetInfo: string }>('user_verify.4042.response');
    assert.deepEqual(assertRefused(reply, '4042'), { ...standard, RetInfo: standard.RetInfo.replace(LOCAL_USER.loginId, 'someone-else') });
  });

  // RetCode 4011 names AccessTokens (6.6.1.2); an AuthToken refused is a refused user (4032), as
  // src/http/cheaa-partner-router.ts decides (commit d6c924a).
  it('7.1.4 an AuthToken that is not the user\'s → RetCode 4032', async () => {
    const p = platform();
    const body = standardRequest();
    body.AuthToken = `${LOCAL_USER.authToken}-forged`;
    assertRefused(await verify(p, body), '4032', new RegExp(`AuthToken is not valid for loginID ${LOCAL_USER.loginId}`));
  });

  describe('contract', () => {
    const rows: [name: string, retCode: '400' | '415' | '413', request: (body: VerifyRequest, p: TestPlatform) => [unknown, { headers?: Record<string, string | null>; raw?: string }], retInfo?: RegExp][] = [
      ['without the PlatID header over plain HTTP (clause 7.1, E-13) → RetCode 400', '400', (body) => [body, { headers: { PlatID: null } }], /PlatID/],
      ['without AuthToken (table 26) → RetCode 400 naming it', '400', ({ User }) => [{ User }, {}], /AuthToken/],
      ['without the User\'s loginID → RetCode 400 naming it', '400', ({ AuthToken }) => [{ User: [{ UserBase: {} }], AuthToken }, {}], /loginID/],
      ['with AuthToken in the header as the standard\'s example (E-03) → RetCode 400', '400', ({ User, AuthToken }) => [{ User }, { headers: { AuthToken } }], /AuthToken/],
      ['with malformed JSON → RetCode 400', '400', (body) => [body, { raw: `${JSON.stringify(body).slice(0, -1)},}` }], /malformed JSON/],
      ['as text/plain → RetCode 415', '415', (body) => [body, { headers: { 'Content-Type': 'text/plain' }, raw: JSON.stringify(body) }]],
      ['with a body over the configured limit → RetCode 413', '413', (body, p) => [body, { raw: JSON.stringify({ ...body, padding: 'x'.repeat(p.config.limits.bodyBytes) }) }]],
    ];
    for (const [name, retCode, request, retInfo] of rows) {
      it(`7.1.4 ${name}`, async () => {
        const p = platform();
        const [body, options] = request(standardRequest(), p);
        assertRefused(await verify(p, body, options), retCode, retInfo);
      });
    }
  });
});
