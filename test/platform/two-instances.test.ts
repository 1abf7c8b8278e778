// Two platform processes' worth of platform on one PostgreSQL schema: sessions are shared, and the
// outbox workers of both deliver every report exactly once overall in a clean run, each claimed by
// one worker only (FOR UPDATE SKIP LOCKED and claims, src/store/outbox-queue.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postgres, withPostgresSchema } from '../support/database.ts';
import { DeviceTypes, OTHER_PARTNER, PARTNER, eventually, outboxRows, startTestPartner, startTestPlatform, type Session, type TestPlatform } from '../support/platform.ts';

async function operate(p: TestPlatform, session: Session, deviceId: string, attrs: Record<string, string>): Promise<void> {
  const { data, error } = await p.client(session.partner, { AccessToken: session.accessToken }).devices_op({
    body: { UserID: session.userId, Device: [{ DeviceInfo: { deviceID: deviceId }, DeviceAttr: attrs }] },
  });
  assert.ok(data, `7.2.7 through ${p.url}: ${JSON.stringify(error)}`);
}

describe('two platform instances on one PostgreSQL', { skip: postgres.skip }, () => {
  it('an AccessToken issued by one instance works on the other; reports made through both reach the partner once each, each claimed by one worker', async (t) => {
    const { url } = await withPostgresSchema(t);
    const partners = [await startTestPartner(t, PARTNER), await startTestPartner(t, OTHER_PARTNER)] as const;
    const [partner] = partners;
    // One report at a time per worker, answered slowly enough that both workers hold claims at once.
    const worker = { batchSize: 1 };
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
});
