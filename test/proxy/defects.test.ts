// Issue 18's proof, passive side: the conformance kit's five seeded defects, run through the proxy
// in watch mode, are each caught by a named rule of the proxy, as the kit catches them actively;
// the same run without a defect breaks none of those rules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runConformance } from '../../src/conformance/run.ts';
import { failedIdsEmptied, opOnUnboundDeviceAccepted, otherUsersDeviceListed, retCodeAsNumber, startDefectProxy, tokenValidAfterLogout, type Defect } from '../conformance/defects.ts';
import { startReference, type Reference } from '../conformance/harness.ts';
import { plainLeg, startWatched, type Watched } from './support/watched.ts';

// What the kit's own requests break on purpose (it tests refusals): A's side, not B's.
const kitsOwnMistakes = new Set(['document.request']);
const bSide = (watched: Watched) => watched.violations().filter((v) => !kitsOwnMistakes.has(v.rule));

describe('the proxy catches the conformance kit\'s seeded defects passively', { timeout: 300_000 }, () => {
  let reference: Reference;
  before(async () => {
    reference = await startReference();
  });
  after(() => reference.close());

  async function kitThroughProxy(t: { after(fn: () => unknown): void }, defect?: Defect): Promise<Watched> {
    const fixtures = await reference.freshRun();
    let upstream = reference.platform.url;
    if (defect) {
      const seeded = await startDefectProxy(upstream, defect);
      t.after(() => seeded.close());
      upstream = seeded.url;
    }
    const watched = await startWatched(t, [plainLeg('a-to-b', upstream)]);
    await runConformance({ role: 'platform', target: watched.aToB, fixtures, partner: reference.partner, reportWaitMs: 10_000 });
    return watched;
  }

  it('without a defect: every exchange of the kit is seen and none breaks a rule on B\'s side', async (t) => {
    const watched = await kitThroughProxy(t);
    assert.ok(watched.exchanges.length >= 50, `${watched.exchanges.length} exchanges`);
    assert.deepEqual(bSide(watched), []);
  });

  // `also`: the other rules the defect breaks, as the kit's other failing checks show (a logout
  // that destroys nothing also answers 200 to the unregistered user's logout).
  const cases: { defect: Defect; rule: string; clause: string; operationId: string; also?: string[] }[] = [
    { defect: opOnUnboundDeviceAccepted, rule: 'binding.op-not-bound', clause: '7.2.7', operationId: 'devices_op' },
    { defect: failedIdsEmptied, rule: 'batch.failed-ids-unnamed', clause: '7.2.1', operationId: 'user_bindDevices' },
    { defect: retCodeAsNumber, rule: 'document.reply', clause: '7.2.6', operationId: 'devices_deviceStatus' },
    { defect: tokenValidAfterLogout, rule: 'token.after-logout', clause: '7.1.2', operationId: 'devices_op', also: ['token.after-unregister'] },
    { defect: otherUsersDeviceListed({ deviceID: '0007A88A184D', deviceType: '03001001' }), rule: 'binding.listed-not-bound', clause: '7.2.3', operationId: 'users_devices' },
  ];
  for (const { defect, rule, clause, operationId, also = [] } of cases) {
    it(`${defect.name}: caught by ${rule} (${clause}) on ${operationId}`, async (t) => {
      const watched = await kitThroughProxy(t, defect);
      const caught = watched.exchanges.find((e) => e.operationId === operationId && e.violations.some((v) => v.rule === rule));
      assert.ok(caught, `no ${rule} on ${operationId}; found: ${JSON.stringify(bSide(watched).map((v) => `${v.rule}: ${v.message}`), null, 1)}`);
      const violation = caught.violations.find((v) => v.rule === rule)!;
      assert.equal(violation.clause, clause);
      assert.ok(violation.words.length > 0, 'the standard\'s words come with it');
      assert.deepEqual([...new Set(bSide(watched).map((v) => v.rule))].sort(), [rule, ...also].sort(), 'the defect breaks that rule only');
    });
  }
});
