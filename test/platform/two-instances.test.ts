// Two platform processes' worth of platform on one PostgreSQL schema: sessions are shared, and the
// outbox workers of both deliver every report exactly once overall in a clean run, each claimed by
// one worker only (FOR UPDATE SKIP LOCKED and claims, src/store/outbox-queue.ts).
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { postgres, withPostgresSchema } from '../support/database.ts';
import { DeviceTypes, OTHER_PARTNER, PARTNER } from '../support/examples.ts';
import { eventually } from '../support/eventually.ts';
import { outboxRows } from '../support/outbox.ts';
import { startTestPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { startTestPartner } from '../support/test-partner.ts';

async function operate(p: TestPlatform, session: Session, deviceId: string, attrs: Record<string, string>): Promise<void> {
  const { data, error } = await p.client(session.partner, { AccessToken: session.accessToken }).devices_op({
    body: { UserID: session.userId, Device: [{ DeviceInfo: { deviceID: deviceId }, DeviceAttr: attrs }] },
  });
  assert.ok(data, `7.2.7 through ${p.url}: ${JSON.stringify(error)}`);
}

/** Two instances on one schema with the same partners, and a user of the first with an air conditioner bound. */
async function twoInstancesWithAConditioner(t: TestContext) {
  const { url, db } = await withPostgresSchema(t);
  const partners = [await startTestPartner(t, PARTNER), await startTestPartner(t, OTHER_PARTNER)] as const;
  const one = await startTestPlatform(t, { database: { url }, partners: [...partners] });
  const two = await startTestPlatform(t, { database: { url }, partners: [...partners] });
  const alice = await one.login();
  const conditioner = await one.addDevice(DeviceTypes.airConditioner);
  await one.bind(alice, conditioner);
  return { db, one, two, alice, conditioner };
}

describe('two platform instances on one PostgreSQL', { skip: postgres.skip }, () => {
  it('an AccessToken issued by one instance works on the other; reports made through both reach the partner once each, each claimed by one worker', async (t) => {
    const { url } = await withPostgresSchema(t);
    const partners = [await startTestPartner(t, PARTNER), await startTestPartner(t, OTHER_PARTNER)] as const;
    const [partner] = partners;
    // One report at a time per worker, answered slowly enough that both workers hold claims at once.
    const worker = { concurrency: 1 };
    const one = await startTestPlatform(t, { database: { url }, partners: [...partners], worker });
    const two = await startTestPlatform(t, { database: { url }, partners: [...partners], worker });
    partner.gatewayDelayMs = 30;

    const alice = await one.login();
    const devices: string[] = [];
    for (let i = 0; i < 6; i += 1) devices.push(await one.addDevice(i % 2 ? DeviceTypes.washingMachine : DeviceTypes.airConditioner));
    await one.bind(alice, ...devices);

    // Watch the claims while the workers deliver: EventID → the workers seen holding it.
    const claimers = new Map<string, Set<string>>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        for (const row of await outboxRows(one.db, devices)) {
          if (row.claimedBy) claimers.set(row.eventId, (claimers.get(row.eventId) ?? new Set()).add(row.claimedBy));
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    t.after(async () => {
      watching = false;
      await watcher;
    });

    // Odd devices through instance two with the token instance one issued, even ones through one.
    for (const [i, deviceId] of devices.entries()) {
      const via = i % 2 ? two : one;
      await operate(via, alice, deviceId, { onOffStatus: 'True' });
      await operate(via, alice, deviceId, i % 2 ? { laundryCycle: '3' } : { targetTemperature: '28' });
    }
    await one.running.devices.tick();

    const rows = await eventually('every report delivered', async () => {
      const all = await outboxRows(one.db, devices);
      return all.every((r) => r.delivered) && all;
    }, 20_000);
    watching = false;
    await watcher;

    assert.ok(rows.length >= devices.length * 3, `two commands and a step per device (${rows.length} reports)`);
    const accepted = partner.reports.filter((r) => devices.includes(r.body.DeviceID));
    const count = new Map<string, number>();
    for (const r of accepted) count.set(r.eventId!, (count.get(r.eventId!) ?? 0) + 1);
    assert.deepEqual(new Set(count.keys()), new Set(rows.map((r) => r.eventId)), 'every report arrived, and no other');
    assert.deepEqual([...count.entries()].filter(([, n]) => n !== 1), [], 'each EventID once: this run had no crash to excuse a copy');
    assert.equal(partner.deliveries.length, accepted.length, 'no delivery was sent twice');
    for (const deviceId of devices) {
      assert.deepEqual(
        accepted.filter((r) => r.body.DeviceID === deviceId).map((r) => r.eventId),
        rows.filter((r) => r.deviceId === deviceId).map((r) => r.eventId),
        `reports of ${deviceId} in the order written`,
      );
    }
    assert.deepEqual([...claimers.entries()].filter(([, by]) => by.size !== 1), [], 'no report was claimed by two workers');
    const workers = new Set([...claimers.values()].flatMap((by) => [...by]));
    assert.deepEqual(workers, new Set([one.running.worker.id, two.running.worker.id]), 'both workers took part');
  });

  it('the simulation: while one instance steps, the other\'s tick does nothing, and the step starts from the state a command committed meanwhile', async (t) => {
    const { db, one, two, alice, conditioner } = await twoInstancesWithAConditioner(t);
    // Cooling a 30° room towards 22°: each step takes it one degree closer.
    await operate(one, alice, conditioner, { onOffStatus: 'True', mode: 'cool', targetTemperature: '22' });

    // A command raising the target to 25°, written and not yet committed: it holds the device's row.
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let commandPid!: number;
    let written!: () => void;
    const isWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    const command = db.transaction(async (tx) => {
      commandPid = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      await tx.query(`UPDATE devices SET attrs = attrs || '{"targetTemperature": "25"}' WHERE device_id = $1`, [conditioner]);
      written();
      await committing;
    });
    await isWritten;

    const first = one.running.devices.tick();
    await eventually('instance one, stepping, waits for the command', async () =>
      (await db.query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))', [commandPid])).rowCount > 0);
    const second = await Promise.race([two.running.devices.tick(), sleep(5000).then(() => 'still waiting')]);
    commit();
    await command;

    assert.equal(second, 0, 'instance two\'s tick stepped nothing, at once');
    assert.equal(await first, 1, 'instance one stepped the air conditioner');
    const { data } = await two.client(alice.partner, { AccessToken: alice.accessToken }).devices_deviceStatus({
      body: { UserID: alice.userId, Device: [{ DeviceInfo: { deviceID: conditioner } }] },
    });
    const attrs = data?.Device[0]?.DeviceAttr as Record<string, string>;
    assert.equal(attrs.indoorTemperature, '29', 'one step, not two');
    assert.equal(attrs.targetTemperature, '25', 'the command is kept: the step started from its state');
  });

  // Each instance reads 7.2.6 and checks tokens from its read cache (src/store/read-cache.ts): a
  // change made through the other is seen as soon as the store's announcement arrives.
  const BOUND_MS = 1_000;

  it(`a token logged out on one instance is refused on the other, and a state changed on one is read on the other, within ${BOUND_MS} ms`, async (t) => {
    const { one, two, alice, conditioner } = await twoInstancesWithAConditioner(t);
    const status = async (p: TestPlatform) => {
      const { data, error, response } = await p.client(alice.partner, { AccessToken: alice.accessToken }).devices_deviceStatus({
        body: { UserID: alice.userId, Device: [{ DeviceInfo: { deviceID: conditioner } }] },
      });
      return { status: response.status, retCode: (data ?? error)?.RetCode, attrs: data?.Device[0]?.DeviceAttr as Record<string, string> | undefined };
    };
    // Both instances hold the token, the user and the device.
    for (const p of [one, two]) assert.equal((await status(p)).attrs?.onOffStatus, 'False');

    await operate(one, alice, conditioner, { onOffStatus: 'True' });
    assert.equal((await status(one)).attrs?.onOffStatus, 'True', 'the writing instance reads its change at once');
    let started = performance.now();
    await eventually('the change read on the other instance', async () => (await status(two)).attrs?.onOffStatus === 'True', BOUND_MS);
    t.diagnostic(`state read on the other instance after ${(performance.now() - started).toFixed(1)} ms`);

    const { response } = await one.client(alice.partner, { AccessToken: alice.accessToken }).user_logout({ body: {} });
    assert.equal(response.status, 200);
    assert.equal((await status(one)).retCode, '4011', 'refused at once where it was logged out');
    started = performance.now();
    await eventually('the token refused on the other instance', async () => (await status(two)).retCode === '4011', BOUND_MS);
    t.diagnostic(`token refused on the other instance after ${(performance.now() - started).toFixed(1)} ms`);
  });
});
