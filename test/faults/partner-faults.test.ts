// Report delivery when a partner's data gateway misbehaves (src/delivery/partner-lane.ts): a call
// that hangs holds only its own device, a partner that keeps failing is probed one report at a
// time, and once it answers again everything that waited arrives within moments, not after each
// report's own backoff.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../../bench/lib/load.ts';
import { capturedLog } from '../support/log-capture.ts';
import { DeviceTypes } from '../support/examples.ts';
import { eventually } from '../support/eventually.ts';
import { outboxRows } from '../support/outbox.ts';
import { startTestPlatform, type Session, type TestPlatform } from '../support/platform.ts';

/** targetTemperature 16…30 in turn: consecutive values differ, and the first differs from the initial 26. */
const temperatureAt = (i: number) => String(16 + (i % 15));

async function setTemperature(session: Session, deviceId: string, value: string): Promise<void> {
  const { data, error } = await session.client.devices_op({ body: { UserID: session.userId, Device: [{ DeviceInfo: { deviceID: deviceId }, DeviceAttr: { targetTemperature: value } }] } });
  assert.equal(data?.RetCode, '200', `7.2.7 on ${deviceId}: ${JSON.stringify(error)}`);
}

async function airConditioners(p: TestPlatform, session: Session, count: number): Promise<string[]> {
  const devices: string[] = [];
  for (let i = 0; i < count; i += 1) devices.push(await p.addDevice(DeviceTypes.airConditioner));
  await p.bind(session, ...devices);
  return devices;
}

const gatewayDeviceOf = (body: unknown) => (body as { DeviceID?: string } | undefined)?.DeviceID;

describe('delivery when a partner misbehaves', () => {
  it('a data gateway that hangs on one device: the other devices\' reports arrive within 50 ms of their op\'s reply at p99; at shutdown the hung report is released, not counted as an attempt', async (t) => {
    const p = await startTestPlatform(t);
    const alice = await p.login();
    const [hung, ...others] = await airConditioners(p, alice, 9);
    p.partner.slowMs = 60_000;
    p.partner.hanging.add(hung!);
    await setTemperature(alice, hung!, temperatureAt(0));
    await eventually('the hung device\'s report at the gateway', () => p.partner.deliveries.some((d) => gatewayDeviceOf(d.body) === hung));

    // Two rounds over the other devices first, not measured: the first calls of every path
    // (compiling, opening connections) are slower than any later one.
    const operated = new Map<string, number>();
    for (let round = 0; round < 2; round += 1) {
      for (const deviceId of others) {
        await setTemperature(alice, deviceId, temperatureAt(round));
        await p.partner.waitForReports(round + 1, deviceId, 2000);
        operated.set(deviceId, round + 1);
      }
    }

    // Two clients, each operating its own devices in turn, 160 ops in all; each waits for the
    // report its op caused before the next op.
    const OPS = 160;
    const LOOPS = 2;
    const latencies: number[] = [];
    let started = 0;
    await Promise.all(
      Array.from({ length: LOOPS }, async (_, loop) => {
        const mine = others.filter((_, i) => i % LOOPS === loop);
        for (let k = 0; started < OPS; k += 1) {
          started += 1;
          const deviceId = mine[k % mine.length]!;
          const n = operated.get(deviceId) ?? 0;
          operated.set(deviceId, n + 1);
          await setTemperature(alice, deviceId, temperatureAt(n));
          const repliedAt = performance.now();
          const reports = await p.partner.waitForReports(n + 1, deviceId, 2000);
          const report = reports[n]!;
          assert.equal((report.body.DeviceStatus as Record<string, string>).targetTemperature, temperatureAt(n), `the report of ${deviceId}'s op ${n + 1}`);
          // The report may reach the partner before the reply reaches the client.
          latencies.push(Math.max(0, report.receivedAt - repliedAt));
        }
      }),
    );

    const sorted = Float64Array.from(latencies).sort();
    const p99 = percentile(sorted, 99);
    t.diagnostic(`${sorted.length} ops while one device hangs: op reply → report p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`);
    assert.equal(sorted.length, OPS);
    assert.ok(p99 < 50, `p99 ${p99.toFixed(1)} ms`);
    assert.deepEqual(p.partner.reportsOf(hung!), [], 'the hung device\'s report was still hanging all along');

    await p.running.close(200);
    const [row] = await outboxRows(p.db, [hung!]);
    assert.ok(row && !row.delivered, 'the hung report is still owed');
    assert.equal(row.claimedBy, null, 'and released');
    assert.equal(row.attempts, 0, 'the call given up at shutdown is not a failed attempt');
  });

  it('a partner refusing every report (RetCode 503) for 2 s: once it accepts again, the 40 waiting reports of 20 devices all arrive within 2 s, in order, although each report\'s own backoff is seconds long', async (t) => {
    // Reports back off up to 4 s after one failure, 8 s after two: only the partner's return can
    // make them due sooner. Probes of the partner go at most 200 ms apart.
    const p = await startTestPlatform(t, { worker: { baseDelayMs: 2_000, maxDelayMs: 60_000, probeMaxDelayMs: 200 } });
    const alice = await p.login();
    const devices = await airConditioners(p, alice, 20);
    p.partner.outage = 'refuse';
    for (const deviceId of devices) await setTemperature(alice, deviceId, temperatureAt(0));
    for (const deviceId of devices) await setTemperature(alice, deviceId, temperatureAt(1));
    await eventually('every device\'s first report refused', () => new Set(p.partner.deliveries.map((d) => gatewayDeviceOf(d.body))).size === devices.length);
    await sleep(2000);
    const refused = p.partner.deliveries.length;
    const backedOff = (await outboxRows(p.db, devices)).filter((r) => r.attempts > 0).length;

    p.partner.outage = undefined;
    const backAt = performance.now();
    await p.partner.waitForReports(devices.length * 2, undefined, 5000);
    const drainedMs = performance.now() - backAt;
    t.diagnostic(`${refused} deliveries refused during the outage, ${backedOff} reports backing off; all 40 delivered ${Math.round(drainedMs)} ms after the partner was back`);
    assert.ok(backedOff >= devices.length, `every device's oldest report had failed at least once (${backedOff})`);
    assert.ok(drainedMs < 2000, `drained ${Math.round(drainedMs)} ms after the partner was back`);
    for (const deviceId of devices) {
      assert.deepEqual(p.partner.reportsOf(deviceId).map((r) => (r.body.DeviceStatus as Record<string, string>).targetTemperature), [temperatureAt(0), temperatureAt(1)], `${deviceId}'s reports once each, in order`);
    }
  });

  it('a partner whose gateway times out on every report: once that makes an outage, one report at a time goes to it', async (t) => {
    const TIMEOUT_MS = 150;
    const { log, lines } = capturedLog();
    const p = await startTestPlatform(t, { limits: { deliveryTimeoutMs: TIMEOUT_MS }, worker: { concurrency: 8 }, log });
    const alice = await p.login();
    const devices = await airConditioners(p, alice, 20);
    p.partner.slowMs = 60_000;
    p.partner.outage = 'slow';
    // One request operating all 20: their reports are due together, and the first round takes 8.
    const { data } = await alice.client.devices_op({ body: { UserID: alice.userId, Device: devices.map((deviceID) => ({ DeviceInfo: { deviceID }, DeviceAttr: { targetTemperature: temperatureAt(0) } })) } });
    assert.equal(data?.RetCode, '200');
    await sleep(2000);
    p.partner.outage = undefined;
    await p.partner.waitForReports(devices.length, undefined, 5000);

    const declared = lines.find((l) => l.msg.startsWith('the partner keeps failing'));
    assert.ok(declared, 'the outage was logged');
    const declaredAt = (declared.time as number) - performance.timeOrigin;
    const attempts = p.partner.deliveries.filter((d) => d.behaviour === 'slow');
    const firstRound = attempts.slice(0, 8);
    const afterwards = attempts.filter((d) => d.at > declaredAt);
    // Each call is given up after TIMEOUT_MS: one that starts sooner after another started
    // overlapped it (its timer starts a moment before it arrives, hence the margin).
    const gaps = afterwards.map((d) => d.at - attempts[attempts.indexOf(d) - 1]!.at);
    t.diagnostic(`first round: ${firstRound.map((d) => d.concurrent).join(', ')} in flight; after the outage began, ${afterwards.length} deliveries, each ${gaps.map(Math.round).join(', ')} ms after the one before`);
    assert.equal(Math.max(...firstRound.map((d) => d.concurrent)), 8, 'the first round went to 8 devices at once');
    assert.ok(afterwards.length >= 3, `the partner was tried again during the outage (${afterwards.length} times)`);
    assert.deepEqual(gaps.filter((gap) => gap < TIMEOUT_MS - 10).map(Math.round), [], 'no two deliveries at once in the outage');
  });
});
