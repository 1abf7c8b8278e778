// 7.2.8 across a restart: reports owed to a partner that is down survive the platform stopping
// (close()) and starting again on the same PGlite data dir; every one arrives once the partner is
// back, none lost, each accepted once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { temporaryDirectory } from '../support/database.ts';
import { OTHER_PARTNER, PARTNER } from '../support/examples.ts';
import { eventually } from '../support/eventually.ts';
import { outboxRows } from '../support/outbox.ts';
import { startTestPlatform } from '../support/platform.ts';
import { startTestPartner } from '../support/test-partner.ts';

describe('7.2.8 reports across a restart', () => {
  it('7.2.8 reports pending when the platform stops are delivered after it starts again on the same data: all of them, once each, in order', async (t) => {
    const dataDir = await temporaryDirectory(t);
    const partners = [await startTestPartner(t, PARTNER), await startTestPartner(t, OTHER_PARTNER)] as const;
    const [partner] = partners;

    const first = await startTestPlatform(t, { database: { dataDir }, partners: [...partners] });
    const alice = await first.login();
    const washer = await first.addDevice();
    await first.bind(alice, washer);
    await partner.stop();
    for (const attrs of [{ onOffStatus: 'True' }, { laundryCycle: '3' }] as Record<string, string>[]) {
      const { response } = await alice.client.devices_op({ body: { UserID: alice.userId, Device: [{ DeviceInfo: { deviceID: washer }, DeviceAttr: attrs }] } });
      assert.equal(response.status, 200);
    }
    for (let i = 0; i < 3; i += 1) await first.running.devices.tick();
    await eventually('a failed delivery while the partner is down', async () => (await outboxRows(first.db, [washer]))[0]!.attempts >= 1);
    const owed = await outboxRows(first.db, [washer]);
    assert.equal(owed.length, 5, 'switched on, cycle chosen, rinsing, spinning, finished');
    assert.ok(owed.every((r) => !r.delivered));

    await first.close();

    const second = await startTestPlatform(t, { database: { dataDir }, partners: [...partners] });
    assert.deepEqual((await outboxRows(second.db, [washer])).map((r) => r.eventId), owed.map((r) => r.eventId), 'the outbox survived the restart');
    await partner.start();

    const rows = await eventually('every report delivered after the restart', async () => {
      const all = await outboxRows(second.db, [washer]);
      return all.every((r) => r.delivered) && all;
    });
    const accepted = partner.reportsOf(washer);
    assert.deepEqual(accepted.map((r) => r.eventId), rows.map((r) => r.eventId), 'each report once, in the order written');
    assert.deepEqual(accepted.map((r) => r.body), owed.map((r) => r.payload));
    // The session outlived the restart too: its AccessToken still works.
    const { response } = await second.client(partner, { AccessToken: alice.accessToken }).devices_op({
      body: { UserID: alice.userId, Device: [{ DeviceInfo: { deviceID: washer }, DeviceAttr: { onOffStatus: 'False' } }] },
    });
    assert.equal(response.status, 200);
  });
});
