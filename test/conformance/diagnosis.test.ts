// The kit on failure (issue 20): against the reference platform without the apiVersion in
// --target, against one that does not know the kit's PlatID, and against nothing at all, the
// output names the cause and shows the reply's body; the HTML report lists the failures first.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { renderHtml } from '../../src/conformance/html.ts';
import { renderJUnit } from '../../src/conformance/junit.ts';
import { MASK } from '../../src/conformance/mask.ts';
import { runConformance } from '../../src/conformance/run.ts';
import { renderTable } from '../../src/conformance/table.ts';
import { startReference, type Reference } from './harness.ts';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the conformance kit on failure', () => {
  let reference: Reference;
  before(async () => {
    reference = await startReference();
  });
  after(() => reference.close());

  it('without the apiVersion in --target: the first step\'s 404 says the apiVersion is missing, with the reply\'s body', async () => {
    const fixtures = await reference.freshRun();
    const target = reference.platform.url.replace(/\/v1$/, '');
    const result = await runConformance({ role: 'platform', target, fixtures, partner: reference.partner, reportWaitMs: 0 });
    const login = result.checks.find((c) => c.id === 'main.login')!;

    assert.equal(login.status, 'fail');
    assert.equal(login.exchange?.response?.statusCode, 404);
    assert.ok(login.exchange?.response?.body !== undefined, 'the body Respect\'s log dropped is back');
    assert.match(login.hint!, /apiVersion is missing/);
    assert.match(login.hint!, new RegExp(`try --target ${target.replace(/[.]/g, '\\.')}/v1`));
    assert.equal(result.causes?.[0], login.hint, 'the likely cause of the run');
    const table = renderTable(result);
    assert.match(table, /^Likely cause:\n {2}- HTTP 404: the cloud has no \/user\/login\. --target has no path, so the apiVersion is missing/m);
    assert.match(table, /response +HTTP 404 \{"RetCode"/);
    // Respect's internals are said in the kit's words.
    assert.doesNotMatch(table, /runtime expression|reaches no value/);
    assert.match(table, /this reply has no field \/User\/0\/UserBase\/userID/);
    assert.match(renderJUnit(result), /likely cause: HTTP 404/);
  });

  it('with a PlatID the platform has no partner for: the 403 names the PlatID to configure and shows the body; failures come first in the HTML report', async () => {
    const fixtures = await reference.freshRun();
    fixtures.kit.platId = 'CHEAA-KIT-UNKNOWN';
    const result = await runConformance({ role: 'platform', target: reference.platform.url, fixtures, partner: reference.partner, reportWaitMs: 0 });
    const login = result.checks.find((c) => c.id === 'main.login')!;

    assert.equal(login.exchange?.response?.statusCode, 403);
    assert.deepEqual(login.exchange?.response?.body, { RetCode: '403', RetInfo: 'platform CHEAA-KIT-UNKNOWN is not a configured partner' });
    assert.match(login.hint!, /Is the kit's PlatID CHEAA-KIT-UNKNOWN configured in the cloud as a partner/);
    assert.match(login.hint!, /The reply said: "platform CHEAA-KIT-UNKNOWN is not a configured partner"/);
    assert.equal(result.causes?.length, 1, 'the kit checks that follow from the failed login add no cause of their own');
    assert.match(result.checks.find((c) => c.id === 'kit.verify-called-at-login')!.hint!, /follows from main\.login/);
    assert.ok(!JSON.stringify(result).includes(fixtures.platform!.expiredAccessToken!), 'tokens stay masked');
    assert.ok(login.exchange?.request.body && JSON.stringify(login.exchange.request.body).includes(MASK));

    const html = renderHtml(result);
    const at = (text: string) => {
      const i = html.indexOf(text);
      assert.ok(i >= 0, text);
      return i;
    };
    assert.ok(at('Likely cause') < at('<h2>Failed checks</h2>'));
    assert.ok(at('<h2>Failed checks</h2>') < at('<h2>Requirement coverage</h2>'));
    assert.ok(at('<h2>Requirement coverage</h2>') < at('<h2>Clause 6.5.1'));
    const failures = html.slice(at('<h2>Failed checks</h2>'), at('<h2>Requirement coverage</h2>'));
    assert.doesNotMatch(failures, /SKIP|PASS/, 'nothing but failures at the top');
    assert.match(failures, /<li class="fail" id="check-main\.login"><details open>/);
    assert.match(failures, /is not a configured partner/);
    assert.match(html, /<tr id="CHEAA-7\.1\.1-R5"><td><code>CHEAA-7\.1\.1-R5<\/code><\/td><td>Table 18<\/td><td>reply: AccessToken · Header · String · 必填<\/td><td class="status fail">fail<\/td>/);
  });

  it('with nothing listening at --target: says so, from the kit\'s own connection (Respect says "fetch failed" only)', async () => {
    const fixtures = await reference.freshRun();
    const target = `http://127.0.0.1:${await closedPort()}/v1`;
    const result = await runConformance({ role: 'platform', target, fixtures, partner: reference.partner, reportWaitMs: 0 });
    assert.match(result.checks.find((c) => c.id === 'main.login')!.hint!, /nothing accepts connections at 127\.0\.0\.1:\d+ \(ECONNREFUSED\): is the cloud running/);
    assert.match(renderTable(result), /failed +failed network request: no reply: fetch failed/);
  });
});
