// The schema of 001_init.sql keeps the platform's data consistent whatever the code above it does.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Queryable } from '../../src/store/database.ts';
import { engines, withDatabase } from '../support/database.ts';

const HASH = 'a'.repeat(64);

async function user(db: Queryable, userId: string, platId = 'P1', loginId = userId): Promise<void> {
  await db.query(`insert into users (user_id, plat_id, login_id, status) values ($1, $2, $3, '0')`, [userId, platId, loginId]);
}

async function device(db: Queryable, deviceId: string, udeviceId: string | null = null): Promise<void> {
  await db.query(`insert into devices (device_id, udevice_id, device_type) values ($1, $2, 'washer')`, [deviceId, udeviceId]);
}

async function rejectsWith(statement: Promise<unknown>, code: string, constraint?: string): Promise<void> {
  await assert.rejects(statement, (error: { code?: string; constraint?: string }) => {
    assert.equal(error.code, code);
    if (constraint !== undefined) assert.equal(error.constraint, constraint);
    return true;
  });
}

for (const engine of engines) {
  describe(`the schema on ${engine.name}`, { skip: engine.skip }, () => {
    // One database for all cases (each uses ids of its own): a PGlite database takes ~1 s to open.
    test('keeps its invariants', async (t) => {
      const db = await withDatabase(t, engine);

      await t.test("a loginID is unique within its partner platform, not across platforms", async () => {
        await user(db, 'login-1', 'P1', 'same');
        await user(db, 'login-2', 'P2', 'same');
        await rejectsWith(user(db, 'login-3', 'P1', 'same'), '23505', 'users_plat_id_login_id_key');
      });

      await t.test('a user status is one of table 14: 0 activated, 1 registered, 2 deleted, 3 completed', async () => {
        await rejectsWith(db.query(`insert into users (user_id, plat_id, login_id, status) values ('status-1', 'P1', 'status-1', '4')`), '23514');
      });

      await t.test('a loginID holds at most 20 characters', async () => {
        await rejectsWith(user(db, 'long-1', 'P1', 'x'.repeat(21)), '23514', 'users_login_id_check');
      });

      await t.test('an access token is kept as a SHA-256 hex digest only', async () => {
        await user(db, 'token-1');
        await rejectsWith(
          db.query(`insert into access_tokens (token_hash, user_id, plat_id, expires_at) values ('the-token-itself', 'token-1', 'P1', now())`),
          '23514',
        );
      });

      await t.test("an access token belongs to its user's own platform", async () => {
        await user(db, 'token-2', 'P1');
        await rejectsWith(
          db.query(`insert into access_tokens (token_hash, user_id, plat_id, expires_at) values ($1, 'token-2', 'P2', now())`, [HASH]),
          '23503',
        );
      });

      await t.test('device state holds string values only', async () => {
        for (const attrs of ['{"onOffStatus": true}', '{"a": ["1"]}', '["1"]', '"1"']) {
          await rejectsWith(db.query(`insert into devices (device_id, device_type, attrs) values ('attrs-1', 'washer', $1)`, [attrs]), '23514');
        }
        await db.query(`insert into devices (device_id, device_type, attrs) values ('attrs-1', 'washer', $1)`, ['{"onOffStatus": "True"}']);
      });

      await t.test('a UDeviceID maps to one device', async () => {
        await device(db, 'udevice-1', '000001-U1');
        await rejectsWith(device(db, 'udevice-2', '000001-U1'), '23505', 'devices_udevice_id_key');
      });

      await t.test('a user cannot trust themselves', async () => {
        await user(db, 'trust-1');
        await rejectsWith(db.query(`insert into trust (owner_user_id, trusted_user_id) values ('trust-1', 'trust-1')`), '23514');
      });

      await t.test("deleting a user deletes their tokens, bindings and trust, and leaves the devices", async () => {
        await user(db, 'gone');
        await user(db, 'friend');
        await device(db, 'gone-device');
        await db.query(`insert into access_tokens (token_hash, user_id, plat_id, expires_at) values ($1, 'gone', 'P1', now())`, ['b'.repeat(64)]);
        await db.query(`insert into bindings (user_id, device_id) values ('gone', 'gone-device'), ('friend', 'gone-device')`);
        await db.query(`insert into trust (owner_user_id, trusted_user_id) values ('gone', 'friend'), ('friend', 'gone')`);
        await db.query(`delete from users where user_id = 'gone'`);
        const { rows } = await db.query(
          `select (select count(*) from access_tokens where user_id = 'gone') as tokens,
                  (select count(*) from bindings where device_id = 'gone-device') as bindings,
                  (select count(*) from trust where 'gone' in (owner_user_id, trusted_user_id)) as trust,
                  (select count(*) from devices where device_id = 'gone-device') as devices`,
        );
        assert.deepEqual(rows, [{ tokens: '0', bindings: '1', trust: '0', devices: '1' }]);
      });

      await t.test("reports carry one of the standard's data types (table 50)", async () => {
        await rejectsWith(
          db.query(`insert into outbox (event_id, plat_id, device_id, data_type, payload) values ('type-1', 'P1', 'd', 'status', '{}')`),
          '23514',
        );
        await rejectsWith(
          db.query(`insert into received_reports (from_plat_id, event_id, device_id, data_type, payload, time_stamp) values ('P1', 'type-1', 'd', 'status', '{}', '1')`),
          '23514',
        );
      });

      await t.test('an outbox claim names its holder and its end together', async () => {
        await rejectsWith(
          db.query(`insert into outbox (event_id, plat_id, device_id, data_type, payload, claimed_by) values ('claim-1', 'P1', 'd', 'attr', '{}', 'process-1')`),
          '23514',
        );
      });

      await t.test('a received report is unique per sender and EventID: two senders may use the same EventID', async () => {
        const insert = `insert into received_reports (from_plat_id, event_id, device_id, data_type, payload, time_stamp) values ($1, '1', 'd', 'attr', '{}', '1444965812870')`;
        await db.query(insert, ['P1']);
        await db.query(insert, ['P2']);
        await rejectsWith(db.query(insert, ['P1']), '23505', 'received_reports_pkey');
      });
    });
  });
}
