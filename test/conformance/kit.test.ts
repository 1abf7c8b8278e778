// Issue 7's proof: the conformance kit passes the reference platform in both roles, and catches
// each seeded defect with the check named for it while every other check still passes.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli/cli.ts';
import { renderHtml } from '../../src/conformance/html.ts';
import { renderJUnit } from '../../src/conformance/junit.ts';
import { MASK } from '../../src/conformance/mask.ts';
import { runConformance } from '../../src/conformance/run.ts';
import { renderTable } from '../../src/conformance/table.ts';
import type { ConformanceResult } from '../../src/conformance/types.ts';
import { failedIdsEmptied, opOnUnboundDeviceAccepted, otherUsersDeviceListed, retCodeAsNumber, startDefectProxy, tokenValidAfterLogout, type Defect } from './defects.ts';
import { startReference, type Reference } from './harness.ts';

const ids = (result: ConformanceResult, status: 'pass' | 'fail' | 'skip') => result.checks.filter((c) => c.status === status).map((c) => c.id);

/** Every AccessToken header value and AuthToken body field in the result, which must all be masked. */
function tokenValues(result: ConformanceResult): string[] {
  const found: string[] = [];
  JSON.stringify(result, (key, value: unknown) => {
    if (typeof value === 'string' && /^(accesstoken|authtoken)$/i.test(key)) found.push(value);
    return value;
  });
  return found;
}

describe('conformance kit against the reference platform', () => {
  let reference: Reference;
  before(async () => {
    reference = await startReference();
  });
  after(() => reference.close());

  it('role platform: every check passes, the kit-side ones included; reports mask every token', async () => {
    const { platform, partner } = reference;
    const fixtures = await reference.freshRun();
    const result = await runConformance({ role: 'platform', target: platform.url, fixtures, partner, reportWaitMs: 10_000 });

    assert.deepEqual(ids(result, 'fail'), [], renderTable(result));
    assert.deepEqual(ids(result, 'skip'), [], renderTable(result));
    assert.ok(result.checks.length >= 60, `${result.checks.length} checks`);
    for (const id of ['main.login', 'login.login-refused-by-verify', 'kit.verify-called-at-login', 'kit.op-reported', 'expired-token.op-expired-token']) {
      assert.ok(ids(result, 'pass').includes(id), id);
    }
    assert.ok(result.reports!.byDataType.attr.valid >= 1, 'the op is reported (attr) and the report is valid');
    assert.equal(result.reports!.byDataType.attr.valid, result.reports!.byDataType.attr.received);

    const tokens = tokenValues(result);
    assert.ok(tokens.length > 20, 'the exchanges carry tokens');
    assert.deepEqual([...new Set(tokens)], [MASK]);
    for (const rendered of [renderJUnit(result), renderHtml(result), renderTable(result)]) {
      assert.ok(!rendered.includes(fixtures.platform!.expiredAccessToken!), 'the expired token is masked');
    }
    const junit = renderJUnit(result);
    assert.match(junit, /<testsuite name="cheaa-conformance.platform" tests="\d+" failures="0" errors="0" skipped="0"/);
    assert.match(renderHtml(result), /<h2>Clause 7\.2\.7 — 设备操作 device operation<\/h2>/);
  });

  it('role partner: user verify and the data gateway of each DataType pass; the AuthToken is masked', async () => {
    const fixtures = await reference.freshRun();
    const result = await runConformance({ role: 'partner', target: reference.platform.url, fixtures });

    assert.deepEqual(ids(result, 'fail'), [], renderTable(result));
    assert.deepEqual(ids(result, 'pass'), [
      'verify.verify-valid-user',
      'verify.verify-unknown-user',
      'verify.verify-wrong-auth-token',
      'data-gateway.report-attr',
      'data-gateway.report-alarm',
      'data-gateway.report-online',
      'data-gateway.report-offline',
    ]);
    assert.ok(!JSON.stringify(result).includes(fixtures.partner!.user.authToken));
  });

  it('the command runs a role, prints the table by clause and writes the JUnit and HTML reports', async (t) => {
    const directory = await mkdtemp(path.join(tmpdir(), 'cheaa-kit-test-'));
    t.after(() => rm(directory, { recursive: true, force: true }));
    const [junit, html] = [path.join(directory, 'partner.xml'), path.join(directory, 'partner.html')];
    const out = { stdout: '', stderr: '' };
    const plain = { bold: (s: string) => s, dim: (s: string) => s, red: (s: string) => s, green: (s: string) => s };
    const status = await runCli(['conformance', '--target', reference.platform.url, '--role', 'partner', '--report', junit, '--report', html], {
      stdout: { write: (s) => void (out.stdout += s), style: plain },
      stderr: { write: (s) => void (out.stderr += s), style: plain },
    });

    assert.equal(status, 0, out.stdout + out.stderr);
    assert.match(out.stdout, /^7\.1\.4 +PASS +verify\.verify-valid-user +User verify accepts a valid user/m);
    assert.match(out.stdout, /^7 passed, 0 failed, 0 skipped/m);
    assert.match(await readFile(junit, 'utf8'), /<testsuite name="cheaa-conformance.partner" tests="7" failures="0"/);
    const page = await readFile(html, 'utf8');
    assert.match(page, /<h2>Clause 7\.2\.8 — 设备状态上报 device status report<\/h2>/);
    assert.ok(!/<script|<link|src="http/.test(page), 'self-contained');
    assert.ok(!page.includes('kit-partner-auth-token-0001') && !out.stdout.includes('kit-partner-auth-token-0001'), 'the AuthToken is masked');
  });

  // Each defect changes one behaviour of the real platform through a proxy; the kit must fail
  // exactly the checks that observe that behaviour.
  const cases: { defect: Defect; caughtBy: string[] }[] = [
    { defect: opOnUnboundDeviceAccepted, caughtBy: ['device-op.op-unbound', 'other-users-device.op-others', 'unbind.op-after-unbind'] },
    { defect: failedIdsEmptied, caughtBy: ['bind.bind-unknown', 'bind.bind-untrusted', 'unbind.unbind-unknown'] },
    {
      defect: retCodeAsNumber,
      caughtBy: [
        'bound-device.status',
        'bound-device.status-without-token',
        'device-op.status-unbound',
        'other-users-device.status-others',
        // The refusals of a status query carry the number too.
        'malformed-requests.status-without-user-id',
        'malformed-requests.status-without-device',
        'headers-without-mtls.status-without-plat-id',
      ],
    },
    // The defect answers every logout with a token as a success, one without PlatID too.
    { defect: tokenValidAfterLogout, caughtBy: ['logout-headers-without-mtls.logout-without-plat-id', 'logout.op-after-logout', 'logout.logout-again', 'unregister.token-after-unregister'] },
    { defect: otherUsersDeviceListed({ deviceID: '0007A88A184D', deviceType: '03001001' }), caughtBy: ['list.list-all', 'unbind.list-after-unbind'] },
  ];
  describe('seeded defects', () => {
    for (const { defect, caughtBy } of cases) {
      it(`${defect.name}: caught by ${caughtBy.join(', ')}; every other check passes`, async (t) => {
        const { platform, partner } = reference;
        const fixtures = await reference.freshRun();
        const proxy = await startDefectProxy(platform.url, defect);
        t.after(() => proxy.close());
        const result = await runConformance({ role: 'platform', target: proxy.url, fixtures, partner, reportWaitMs: 10_000 });

        assert.deepEqual(ids(result, 'fail'), caughtBy, renderTable(result));
        assert.deepEqual(ids(result, 'skip'), []);
        // The failure names the request, the reply and the requirement.
        const first = result.checks.find((c) => c.id === caughtBy[0])!;
        assert.ok(first.exchange?.response, 'the failing exchange is reported');
        assert.ok(first.requires.length > 0);
        assert.match(renderTable(result), new RegExp(`FAIL\\s+${caughtBy[0]!.replace('.', '\\.')}`));
      });
    }
  });
});
