// /metrics: what an operator watches, in Prometheus text, after real traffic: requests by
// operationId, status and RetCode; the outbox backlog per partner; deliveries and how long after
// their op reports arrived; partner verify calls; the store's reachability.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventually } from '../support/eventually.ts';
import { DeviceTypes } from '../support/examples.ts';
import { startTestPlatform } from '../support/platform.ts';

/** The value of one series of the Prometheus text, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('counts a login, a refused request and an op with its delivered report; shows the outbox backlog per partner', async (t) => {
    const p = await startTestPlatform(t);
    const origin = p.url.replace(/\/v1$/, '');
    const scrape = async () => {
      const res = await fetch(`${origin}/metrics`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
      return res.text();
    };
    const alice = await p.login();
    const fridge = await p.addDevice(DeviceTypes.refrigerator);
    await p.bind(alice, fridge);
    const { response } = await alice.client.devices_op({ body: { UserID: alice.userId, Device: [{ DeviceInfo: { deviceID: fridge }, DeviceAttr: { quickFreeze: 'True' } }] } });
    assert.equal(response.status, 200);
    const refused = await p.client(p.partner, { AccessToken: 'not-a-token' }).user_logout({ body: {} });
    assert.equal(refused.response.status, 401);
    await p.partner.waitForReports(1, fridge);

    const text = await eventually('the delivery counted', async () => {
      const scraped = await scrape();
      return sample(scraped, `cloud_interop_report_deliveries_total{partner="${p.partner.platId}",outcome="delivered"}`) === 1 && scraped;
    });
    assert.equal(sample(text, 'cloud_interop_requests_total{operation="devices_op",status="200",ret_code="200"}'), 1);
    assert.equal(sample(text, 'cloud_interop_requests_total{operation="user_login",status="200",ret_code="200"}'), 1);
    assert.equal(sample(text, 'cloud_interop_requests_total{operation="user_logout",status="401",ret_code="4011"}'), 1);
    assert.equal(sample(text, 'cloud_interop_request_duration_seconds_count{operation="devices_op"}'), 1);
    assert.equal(sample(text, `cloud_interop_report_delivered_after_seconds_count{partner="${p.partner.platId}"}`), 1);
    assert.equal(sample(text, `cloud_interop_partner_verify_duration_seconds_count{partner="${p.partner.platId}",outcome="accepted"}`), 1);
    assert.equal(sample(text, 'cloud_interop_store_up'), 1);

    // A partner that refuses every report: its backlog and the age of its oldest report show.
    p.partner.outage = 'refuse';
    await alice.client.devices_op({ body: { UserID: alice.userId, Device: [{ DeviceInfo: { deviceID: fridge }, DeviceAttr: { quickFreeze: 'False' } }] } });
    const backlog = await eventually('the backlog and the failed delivery shown', async () => {
      const scraped = await scrape();
      const pending = sample(scraped, `cloud_interop_outbox_pending{partner="${p.partner.platId}"}`) ?? 0;
      const failed = sample(scraped, `cloud_interop_report_deliveries_total{partner="${p.partner.platId}",outcome="failed"}`) ?? 0;
      return pending >= 1 && failed >= 1 && scraped;
    });
    assert.ok((sample(backlog, `cloud_interop_outbox_oldest_pending_seconds{partner="${p.partner.platId}"}`) ?? -1) >= 0);
  });
});
