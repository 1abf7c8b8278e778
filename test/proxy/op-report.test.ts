// 7.2.8 report.op-unreported: an op B accepts is followed by an attr report of the device within
// the report timeout. The platform's reports reach its partner through the proxy here (the
// partner's URLs are the proxy's B → A listener), so one proxy sees the ops and the reports.
import assert from 'node:assert/strict';
import { it, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Defect } from '../conformance/defects.ts';
import { eventually } from '../support/eventually.ts';
import { OTHER_PARTNER, PARTNER } from '../support/examples.ts';
import { startTestPlatform } from '../support/platform.ts';
import { TestPartner } from '../support/test-partner.ts';
import { linkThroughProxy } from './support/link.ts';
import { plainLeg, startWatched } from './support/watched.ts';

const REPORT_TIMEOUT_MS = 1000;

/** The test partner, reached by the platform at the proxy. */
class PartnerBehindProxy extends TestPartner {
  /** Empty until the proxy listens: the partner warms itself up at its own address. */
  proxyUrl = '';
  override get verifyUrl(): string {
    return `${this.proxyUrl || this.url}/user/verify`;
  }
  override get dataGatewayUrl(): string {
    return `${this.proxyUrl || this.url}/dataservices/dataGateway`;
  }
}

async function platformBehindProxy(t: TestContext, defect?: Defect) {
  const [partner, other] = [new PartnerBehindProxy(PARTNER), new TestPartner(OTHER_PARTNER)];
  for (const p of [partner, other]) {
    await p.start();
    t.after(() => p.close());
  }
  // The B → A leg first: the platform's configuration names it; the A → B leg joins it after.
  const watched = await startWatched(t, [plainLeg('b-to-a', partner.url)], { reportTimeoutMs: REPORT_TIMEOUT_MS });
  partner.proxyUrl = watched.bToA;
  const platform = await startTestPlatform(t, { partners: [partner, other] });
  const link = await linkThroughProxy(t, platform, { reportsTo: watched, ...(defect && { defect }) });
  const deviceId = await platform.addDevice();
  const user = await link.login();
  await link.bind(user, deviceId);
  const op = (onOffStatus: 'True' | 'False') => user.client.devices_op({ body: { UserID: user.userId, Device: [{ DeviceInfo: { deviceID: deviceId }, DeviceAttr: { onOffStatus } }] } });
  return { watched, partner, deviceId, op };
}

it('7.2.8 report.op-unreported: an accepted op is reported; one acknowledged and never carried out is caught', { timeout: 60_000 }, async (t) => {
  const honest = await platformBehindProxy(t);
  assert.equal((await honest.op('True')).data?.RetCode, '200');
  await eventually('the attr report through the proxy', () => honest.watched.exchanges.some((e) => e.operationId === 'dataservices_dataGateway'));
  await sleep(REPORT_TIMEOUT_MS + 300);
  assert.deepEqual(honest.watched.rules(), [], 'reported in time');

  // A B that answers 200 to every op and does nothing: no state change, so no report.
  const silent = await platformBehindProxy(t, { name: 'op acknowledged, not carried out', intercept: (r) => (r.path === '/devices/op' ? { status: 200, headers: { 'content-type': 'application/json' }, body: { RetCode: '200', RetInfo: 'ok' } } : undefined) });
  assert.equal((await silent.op('True')).data?.RetCode, '200');
  const late = await eventually('the op judged unreported', () => silent.watched.exchanges.find((e) => e.violations.length > 0), REPORT_TIMEOUT_MS * 5);
  assert.equal(late.operationId, 'devices_op');
  assert.deepEqual(silent.watched.rules(), ['report.op-unreported']);
  assert.match(late.violations[0]!.message, new RegExp(`op on ${silent.deviceId} .* no attr report of it within ${REPORT_TIMEOUT_MS} ms`));
});
