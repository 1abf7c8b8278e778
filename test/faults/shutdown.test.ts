// `cloud-interop serve` stops on SIGTERM within its grace period, whatever its clients and
// partners do: clients on keep-alive connections get their replies in flight and then a closed
// connection, a data gateway that hangs is given up at the deadline and its report released for
// the next start, which delivers it at once with its EventID.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { postgres, temporaryDirectory, withPostgresSchema } from '../support/database.ts';
import { DeviceTypes, OTHER_PARTNER, PARTNER } from '../support/examples.ts';
import { eventually } from '../support/eventually.ts';
import { outboxRows } from '../support/outbox.ts';
import { startTestPartner } from '../support/test-partner.ts';
import { startPlatformProcess } from '../support/platform-process.ts';
import { opLoops } from './op-loops.ts';
import { loginAndBind, migratedDataDir, newDeviceIds } from './process-session.ts';

const GRACE_MS = 3000;

describe('SIGTERM', () => {
  it('under keep-alive load that goes on: the replies in flight are 200 and the process exits 0 within the grace period plus 1 s', async (t) => {
    const dir = await temporaryDirectory(t);
    const dataDir = `${dir}/data`;
    await migratedDataDir(dataDir);
    const partners = [await startTestPartner(t, PARTNER), await startTestPartner(t, OTHER_PARTNER)];
    const devices = newDeviceIds(10);
    const platform = await startPlatformProcess(t, {
      dir,
      partners,
      database: { dataDir },
      graceMs: GRACE_MS,
      devices: devices.map((deviceId) => ({ deviceId, deviceType: DeviceTypes.airConditioner })),
    });
    const session = await loginAndBind(platform.url, partners[0]!, devices);
    const loops = opLoops(session, devices);
    await sleep(1000);

    const signalledAt = platform.signal('SIGTERM');
    const exit = platform.exitWithin(GRACE_MS + 5000);
    // The loops go on sending until the process is gone: only closing their connections ends it.
    const outcomes = await exit.finally(() => loops.stop()).then(() => loops.outcomes);
    const { code, afterMs } = await exit;
    t.diagnostic(`exited ${Math.round(afterMs)} ms after SIGTERM; ${outcomes.filter((o) => o.answeredAt > signalledAt && o.status !== 0).length} replies after it`);

    assert.equal(code, 0, 'exit status');
    assert.ok(afterMs <= GRACE_MS + 1000, `exited ${Math.round(afterMs)} ms after SIGTERM`);
    const answered = outcomes.filter((o) => o.status !== 0);
    assert.ok(answered.length > 20, `the load ran (${answered.length} replies)`);
    assert.deepEqual(answered.filter((o) => o.status !== 200).map((o) => `${o.status}/${o.retCode}`), [], 'every reply is 200');
    assert.ok(platform.log.some((l) => l.msg === 'stopped'), 'the last log line says it stopped');
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.equal(platform.log.find((l) => l.msg === 'platform listening')?.version, version, 'the start line names the package version');
  });

  it('with a data gateway that hangs: exit 0 within the grace period plus 1 s, no delivery attempted after the signal, the report released; the next start delivers it at once with its EventID', { skip: postgres.skip }, async (t) => {
    const dir = await temporaryDirectory(t);
    const { url, db } = await withPostgresSchema(t);
    const partners = [await startTestPartner(t, PARTNER), await startTestPartner(t, OTHER_PARTNER)];
    const [partner] = partners as [typeof partners[0]];
    const devices = newDeviceIds(1);
    const options = {
      dir,
      partners,
      database: { url },
      graceMs: GRACE_MS,
      // Longer than the grace period: only the shutdown can end the hanging call.
      deliveryTimeoutMs: 30_000,
      devices: devices.map((deviceId) => ({ deviceId, deviceType: DeviceTypes.airConditioner })),
    };
    const first = await startPlatformProcess(t, options);
    const session = await loginAndBind(first.url, partner, devices);
    partner.slowMs = 60_000;
    partner.gateway.push('slow');
    const { data } = await session.client.devices_op({ body: { UserID: session.userId, Device: [{ DeviceInfo: { deviceID: devices[0]! }, DeviceAttr: { targetTemperature: '18' } }] } });
    assert.equal(data?.RetCode, '200');
    await eventually('the report on its way to the hanging gateway', () => partner.deliveries.length === 1);

    first.signal('SIGTERM');
    const { code, afterMs } = await first.exitWithin(GRACE_MS + 5000);
    t.diagnostic(`exited ${Math.round(afterMs)} ms after SIGTERM with a delivery hanging`);
    assert.equal(code, 0, 'exit status');
    assert.ok(afterMs <= GRACE_MS + 1000, `exited ${Math.round(afterMs)} ms after SIGTERM`);
    assert.equal(partner.deliveries.length, 1, 'no delivery attempted after SIGTERM');
    const [row] = await outboxRows(db, devices);
    assert.ok(row && !row.delivered, 'the report is still owed');
    assert.equal(row.claimedBy, null, 'and no longer claimed');
    assert.equal(row.attempts, 0, 'the abandoned call does not count as a failed attempt');

    const second = await startPlatformProcess(t, options);
    const [report] = await partner.waitForReports(1, devices[0]);
    const tookMs = performance.now() - second.readyAt;
    t.diagnostic(`the released report arrived ${Math.round(tookMs)} ms after the restart`);
    assert.ok(tookMs <= 2000, `delivered ${Math.round(tookMs)} ms after the restart`);
    assert.equal(report!.eventId, partner.deliveries[0]!.headers.eventid, 'with the EventID of the first attempt');
    assert.equal(report!.eventId, row.eventId);
    second.signal('SIGTERM');
    assert.equal((await second.exitWithin(GRACE_MS + 5000)).code, 0);
  });
});
