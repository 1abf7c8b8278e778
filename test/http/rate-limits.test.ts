// Every document's router limits each caller to `limits.requestsPerSecondPerPartner` in a
// one-second window and refuses the excess in its standard's body; other callers keep their own
// allowance. (7.2.3 shows it for the platform interfaces in users_devices.test.ts.)
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { Statuses } from '../../generated/gbt43960/gbt43960.statuses.ts';
import { partnerExample } from '../support/examples.ts';
import { startTestPlatform } from '../support/platform.ts';
import { assertRefused, type Reply } from '../operations/support/contract.ts';

const ATTEMPTS = 5;

/** At the start of a fresh window: one request of `other`, then ATTEMPTS of `caller` in quick succession. */
async function burst(call: (caller: string) => Promise<Reply>, caller: string, other: string) {
  await sleep(1000 - (Date.now() % 1000) + 10);
  const first = await call(other);
  const replies = [];
  for (let i = 0; i < ATTEMPTS; i += 1) replies.push(await call(caller));
  return { first, limited: replies.filter((r) => r.status === 429), statuses: replies.map((r) => r.status) };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
}

describe('rate limits per caller', () => {
  it('7.1.4 (the platform as partner): per calling PlatID → RetCode 429 naming it', async (t) => {
    const p = await startTestPlatform(t, { limits: { requestsPerSecondPerPartner: 1 } });
    const verify = (platId: string) => post(`${p.url}/user/verify`, partnerExample('user_verify.standard.request'), { PlatID: platId });
    const { first, limited, statuses } = await burst(verify, 'B-PLATFORM-1', 'B-PLATFORM-2');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.ok(limited.length >= 1, `some of ${ATTEMPTS} requests in quick succession refused, got ${statuses.join(', ')}`);
    for (const reply of limited) {
      assertRefused(reply, '429', /more than 1 requests per second from B-PLATFORM-1/);
      assert.equal(reply.headers.get('retry-after'), '1', 'the limit counts per second');
    }
  });

  it('GB/T 43960: per userId of the packet → HTTP 429 status 100113 naming it', async (t) => {
    const p = await startTestPlatform(t, { limits: { requestsPerSecondPerPartner: 1 } });
    const gbtUrl = `${p.url.replace(/\/v1$/, '')}/gbt43960/v1/token`;
    const token = (userId: string) => post(gbtUrl, { userId, data: { appId: 'no-such-app', appSecret: 'not-a-secret-of-any-app' } });
    const { first, limited, statuses } = await burst(token, '438362794917922816', '100000000000000001');
    // Not limited: refused for what it says, in the standard's envelope with HTTP 200.
    assert.deepEqual([first.status, first.body], [200, { status: Statuses.AppAuthFailed, msg: 'unknown appId or wrong appSecret' }]);
    assert.ok(limited.length >= 1, `some of ${ATTEMPTS} requests in quick succession refused, got ${statuses.join(', ')}`);
    for (const reply of limited) {
      assert.deepEqual(reply.body, { status: Statuses.TooManyRequests, msg: 'more than 1 requests per second from 438362794917922816; retry after 1 s' });
      assert.equal(reply.headers.get('retry-after'), '1', 'the limit counts per second');
    }
  });
});
