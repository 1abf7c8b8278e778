// kill -9 while a report is being delivered: the next process takes the dead one's claims over
// at once (short leases on PostgreSQL; on PGlite the data-dir lock says no one else holds them)
// and delivers them, and the reports queued behind them, each with its original EventID, in order.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { postgres, temporaryDirectory, withPostgresSchema } from '../support/database.ts';
import { DeviceTypes, OTHER_PARTNER, PARTNER } from '../support/examples.ts';
import { eventually } from '../support/eventually.ts';
import { startTestPartner } from '../support/test-partner.ts';
import { startPlatformProcess } from '../support/platform-process.ts';
import { loginAndBind, migratedDataDir, newDeviceIds } from './process-session.ts';

async function killedMidDelivery(t: TestContext, database: (dir: string) => Promise<{ url: string } | { dataDir: string }>) {
  const dir = await temporaryDirectory(t);
  const partners = [await startTestPartner(t, PARTNER), await startTestPartner(t, OTHER_PARTNER)];
  const [partner] = partners as [typeof partners[0]];
  const devices = newDeviceIds(1);
  const options = { dir, partners, database: await database(dir), devices: devices.map((deviceId) => ({ deviceId, deviceType: DeviceTypes.airConditioner })) };
  const first = await startPlatformProcess(t, options);
  const session = await loginAndBind(first.url, partner, devices);
  partner.slowMs = 60_000;
  partner.gateway.push('slow');
  for (const targetTemperature of ['18', '19']) {
    const { data } = await session.client.devices_op({ body: { UserID: session.userId, Device: [{ DeviceInfo: { deviceID: devices[0]! }, DeviceAttr: { targetTemperature } }] } });
    assert.equal(data?.RetCode, '200');
  }
  await eventually('the first report on its way to the hanging gateway', () => partner.deliveries.length === 1);
  const claimedEventId = partner.deliveries[0]!.headers.eventid;

  first.signal('SIGKILL');
  assert.equal((await first.exitWithin(5000)).signal, 'SIGKILL');

  const second = await startPlatformProcess(t, options);
  const reports = await partner.waitForReports(2, devices[0], 10_000);
  const tookMs = performance.now() - second.readyAt;
  t.diagnostic(`the dead process's claimed report and the one behind it arrived ${Math.round(tookMs)} ms after the restart was listening`);
  assert.ok(tookMs <= 2000, `delivered ${Math.round(tookMs)} ms after the restart`);
  assert.equal(reports[0]!.eventId, claimedEventId, 'the claimed report, with its original EventID');
  assert.deepEqual(reports.map((r) => (r.body.DeviceStatus as Record<string, string>).targetTemperature), ['18', '19'], 'in order');
  second.signal('SIGTERM');
  assert.equal((await second.exitWithin(15_000)).code, 0);
}

describe('kill -9 mid-delivery, then a restart', () => {
  it('on PGlite (the default store): the claimed reports arrive within 2 s of the restart, each with its original EventID', async (t) => {
    await killedMidDelivery(t, async (dir) => {
      const dataDir = `${dir}/data`;
      await migratedDataDir(dataDir);
      return { dataDir };
    });
  });

  it('on PostgreSQL: the claimed reports arrive within 2 s of the restart, each with its original EventID', { skip: postgres.skip }, async (t) => {
    await killedMidDelivery(t, async () => ({ url: (await withPostgresSchema(t)).url }));
  });
});
