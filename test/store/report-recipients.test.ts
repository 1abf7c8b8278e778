// Who receives a device's reports: the store's locking lookup (requests.findForChange) computes the
// recipients in SQL, and the domain's reportRecipients() states the rule. This holds the two
// together for devices bound by users of several partners, in several orders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportRecipients } from '../../src/domain/report-recipients.ts';
import { repositories } from '../../src/store/repositories.ts';
import { engines, withDatabase } from '../support/database.ts';
import { DeviceTypes } from '../support/examples.ts';

const users = { a1: 'PLAT-A', a2: 'PLAT-A', b1: 'PLAT-B', c1: 'PLAT-C' } as const;
type UserId = keyof typeof users;

// Each device's binders, in the order they bind it.
const bindings: Record<string, UserId[]> = {
  D0: [],
  D1: ['a1'],
  D2: ['a1', 'a2'],
  D3: ['b1', 'a1', 'c1', 'a2'],
  D4: ['c1', 'a2', 'b1', 'a1'],
};

for (const engine of engines) {
  test(`on ${engine.name}, the reports of a device being changed go to the partners the domain's rule names, in its order`, { skip: engine.skip }, async (t) => {
    const db = await withDatabase(t, engine);
    const repos = repositories(db);
    for (const [userId, platId] of Object.entries(users)) {
      await db.query(`insert into users (user_id, plat_id, login_id, status) values ($1, $2, $1, '0')`, [userId, platId]);
    }
    for (const [deviceId, binders] of Object.entries(bindings)) {
      await repos.devices.seed({ deviceId, udeviceId: null, deviceType: DeviceTypes.refrigerator, model: null, manufacturer: null, brand: null, accessWay: null, attrs: {}, online: true });
      // A second apart: on PGlite, bindings made one after another can share a microsecond.
      for (const [i, userId] of binders.entries()) {
        await db.query(`insert into bindings (user_id, device_id, bound_at) values ($1, $2, timestamptz '2026-01-01 00:00:00Z' + $3 * interval '1 second')`, [userId, deviceId, i]);
      }
    }
    const deviceIds = Object.keys(bindings);
    const [found] = await db.transaction((tx) => repositories(tx).requests.findForChange([{ userId: 'a1', tokenHash: null, deviceIds }]));
    const computed = found!.devices.map((d) => d!.reportTo);
    const expected = await Promise.all(deviceIds.map(async (id) => reportRecipients(await repos.bindings.usersOf(id))));
    assert.deepEqual(computed, expected);
    assert.deepEqual(expected, [[], ['PLAT-A'], ['PLAT-A'], ['PLAT-B', 'PLAT-A', 'PLAT-C'], ['PLAT-C', 'PLAT-A', 'PLAT-B']]);
  });
}
