// The kit over mutual TLS (clause 6.6.1.1), as vendors run it between clouds: Respect presents the
// kit's certificate to the platform (--mtls keyed by the target's full origin), and the platform
// presents its own to the kit's HTTPS user verify and data gateway.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runConformance } from '../../src/conformance/run.ts';
import { renderTable } from '../../src/conformance/table.ts';
import { startReference, type Reference } from './harness.ts';
import { kitPki, type KitPki } from './pki.ts';

describe('conformance kit over mutual TLS', () => {
  let pki: KitPki;
  let reference: Reference;
  before(async () => {
    pki = await kitPki({ platform: 'CHEAA-REF-0001', kit: 'CHEAA-KIT-0001' });
    reference = await startReference(pki);
  });
  after(async () => {
    await reference?.close();
    await pki?.remove();
  });
  const mtls = () => ({ cert: pki.files.kit.cert, key: pki.files.kit.key, ca: pki.files.ca });

  it('role platform: every check passes; the PlatID/AppID header checks are skipped, as clause 7.1 allows', async () => {
    assert.match(reference.platform.url, /^https:/);
    assert.match(reference.partner.verifyUrl, /^https:/);
    const fixtures = await reference.freshRun();
    const result = await runConformance({ role: 'platform', target: reference.platform.url, fixtures, partner: reference.partner, mtls: mtls(), reportWaitMs: 10_000 });

    assert.deepEqual(result.checks.filter((c) => c.status === 'fail').map((c) => c.id), [], renderTable(result));
    const skipped = result.checks.filter((c) => c.status === 'skip');
    // The two workflows marked x-cheaa-skip-with-mtls, whole: nothing else.
    assert.deepEqual([...new Set(skipped.map((c) => c.id.split('.')[0]))], ['headers-without-mtls', 'logout-headers-without-mtls']);
    assert.ok(skipped.some((c) => c.id === 'headers-without-mtls.op-without-plat-id') && skipped.some((c) => c.id === 'logout-headers-without-mtls.logout-without-plat-id'));
    assert.match(skipped[0]!.reason!, /clause 7\.1/);
    assert.ok(result.checks.some((c) => c.id === 'kit.verify-called-at-login' && c.status === 'pass'), 'the platform reached the kit over HTTPS');
  });

  it('role partner: user verify and the data gateway answer over mutual TLS', async () => {
    const fixtures = await reference.freshRun();
    const result = await runConformance({ role: 'partner', target: reference.platform.url, fixtures, mtls: mtls() });
    assert.deepEqual(result.checks.filter((c) => c.status !== 'pass').map((c) => c.id), [], renderTable(result));
  });
});
