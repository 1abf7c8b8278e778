// Which devices a 7.2.3 list returns: the store's SQL (listBoundTo) filters so that a list reads
// only the rows it returns, and the domain's selects() states the rule. This holds the two
// together over filters built from the devices' own values and values no device has.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { selects } from '../../src/domain/device-filter.ts';
import type { DeviceFilter, DeviceRecord } from '../../src/domain/model.ts';
import { repositories } from '../../src/store/repositories.ts';
import { engines, withDatabase } from '../support/database.ts';
import { DeviceTypes } from '../support/examples.ts';

const device = (deviceId: string, deviceType: string, info: Partial<DeviceRecord> = {}): DeviceRecord => ({
  deviceId, udeviceId: null, deviceType, model: null, manufacturer: null, brand: null, accessWay: null, attrs: {}, online: true, ...info,
});

const bound = [
  device('F1', DeviceTypes.refrigerator, { udeviceId: 'U-F1', brand: 'Haier', model: 'BCD-1' }),
  device('F2', '01001002', { brand: 'Midea', model: 'BCD-1', accessWay: 'wifi' }),
  device('A1', DeviceTypes.airConditioner, { brand: 'Haier', manufacturer: 'Gree', accessWay: 'wifi' }),
  device('W1', DeviceTypes.washingMachine, { udeviceId: 'U-W1', model: 'XQG' }),
];
// Bound to someone else: no filter may bring it into the user's list.
const foreign = device('F9', DeviceTypes.refrigerator, { brand: 'Haier' });

const value = (...known: (string | null)[]) => fc.constantFrom(...known.filter((v): v is string => v !== null), 'none');
const filter: fc.Arbitrary<DeviceFilter> = fc.record(
  {
    deviceId: value(...bound.flatMap((d) => [d.deviceId, d.udeviceId]), foreign.deviceId),
    deviceType: value(...bound.map((d) => d.deviceType), '01001', '03001', '0100', '010010011'),
    model: value(...bound.map((d) => d.model)),
    manufacturer: value(...bound.map((d) => d.manufacturer)),
    brand: value(...bound.map((d) => d.brand)),
    accessWay: value(...bound.map((d) => d.accessWay)),
  },
  { requiredKeys: [] },
).filter((f) => Object.keys(f).length <= 2);

for (const engine of engines) {
  test(`on ${engine.name}, a list returns exactly the bound devices the domain's rule selects, in binding order`, { skip: engine.skip }, async (t) => {
    const db = await withDatabase(t, engine);
    const repos = repositories(db);
    for (const userId of ['alice', 'bob']) {
      await db.query(`insert into users (user_id, plat_id, login_id, status) values ($1, 'PARTNER-0000', $1, '0')`, [userId]);
    }
    for (const d of [...bound, foreign]) await repos.devices.seed(d);
    for (const d of bound) await repos.bindings.bind('alice', d.deviceId);
    await repos.bindings.bind('bob', foreign.deviceId);

    let selecting = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(filter, { maxLength: 3 }), async (filters) => {
        const listed = (await repos.devices.listBoundTo('alice', filters)).map((d) => d.deviceId);
        const expected = bound.filter((d) => selects(filters, d)).map((d) => d.deviceId);
        if (expected.length > 0 && expected.length < bound.length) selecting += 1;
        assert.deepEqual(listed, expected, JSON.stringify(filters));
      }),
      { numRuns: 150, seed: 4302 },
    );
    assert.ok(selecting > 20, `the filters tried select some devices and not others (${selecting} times)`);
  });
}
