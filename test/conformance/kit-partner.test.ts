// The kit partner (role A for the conformance kit's platform role): the SDK's partner kit answers,
// and every request is recorded first, judged against the partner document, invalid ones too.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startKitPartner, type KitPartner } from '../../src/conformance/kit-partner.ts';
import { partnerExample } from '../support/examples.ts';

const post = (url: string, body: unknown, headers: Record<string, string> = { PlatID: 'PARTNER-Haier-0000' }) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const answer = async (res: Response) => [res.status, ((await res.json()) as { RetCode: string }).RetCode] as const;

describe('kit partner', () => {
  let partner: KitPartner;
  before(async () => {
    partner = await startKitPartner();
  });
  beforeEach(() => {
    partner.reset();
    partner.accept([{ loginID: 'ACompanyUser132df43', authToken: 'the-token' }]);
  });
  after(() => partner.close());

  const verify = (authToken: string, loginID = 'ACompanyUser132df43') => ({ User: [{ UserBase: { loginID } }], AuthToken: authToken });

  it('7.1.4 accepts its user with the AuthToken presented, answering the standard reply, and records the call as accepted', async () => {
    const res = await post(partner.verifyUrl, verify('the-token'));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), partnerExample('user_verify.standard.response'));
    assert.deepEqual(
      partner.verifyCalls.map(({ platId, loginID, accepted, valid, problems }) => ({ platId, loginID, accepted, valid, problems })),
      [{ platId: 'PARTNER-Haier-0000', loginID: 'ACompanyUser132df43', accepted: true, valid: true, problems: [] }],
    );
  });

  it('7.1.4 refuses another AuthToken with 4011 and an unknown user with 4042, recording both as not accepted', async () => {
    assert.deepEqual(await answer(await post(partner.verifyUrl, verify('forged'))), [401, '4011']);
    assert.deepEqual(await answer(await post(partner.verifyUrl, verify('the-token', 'someone-else'))), [404, '4042']);
    assert.deepEqual(partner.verifyCalls.map((c) => [c.loginID, c.accepted, c.valid]), [['ACompanyUser132df43', false, true], ['someone-else', false, true]]);
  });

  it('7.2.8 a valid report is answered RetCode 200 and recorded valid; an invalid one is refused 400 and recorded with its problems', async () => {
    const report = partnerExample('dataservices_dataGateway.standard-attr.request');
    assert.deepEqual(await answer(await post(partner.dataGatewayUrl, report, { PlatID: 'PARTNER-Haier-0000', EventID: 'evt-1' })), [200, '200']);
    assert.deepEqual(await answer(await post(partner.dataGatewayUrl, { ...report, TimeStamp: '2015-10-16' })), [400, '400']);
    const [valid, invalid] = partner.reports;
    assert.deepEqual([valid?.valid, valid?.eventId, valid?.dataType, valid?.problems], [true, 'evt-1', 'attr', []]);
    assert.equal(invalid?.valid, false);
    assert.match(invalid?.problems.join('; ') ?? '', /TimeStamp/);
  });

  it('6.2 malformed JSON, an unknown path and a GET are answered in the standard body and recorded nowhere', async () => {
    assert.deepEqual(await answer(await post(partner.dataGatewayUrl, '{"TimeStamp":')), [400, '400']);
    assert.deepEqual(await answer(await post(partner.url.replace(/\/v1$/, '/v2/user/verify'), verify('the-token'))), [404, '404']);
    assert.deepEqual(await answer(await fetch(partner.verifyUrl)), [405, '405']);
    assert.deepEqual([partner.verifyCalls.length, partner.reports.length], [0, 0]);
  });
});
