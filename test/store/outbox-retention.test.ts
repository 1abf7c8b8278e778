// Delivered reports leave the outbox after their retention, a batch per statement, and the claim
// never reads them: its cost depends on the pending reports only (migration 004, outbox_pending_idx).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Database } from '../../src/store/database.ts';
import { outboxQueue } from '../../src/store/outbox-queue.ts';
import { outboxRetention } from '../../src/delivery/outbox-retention.ts';
import { engines, withDatabase } from '../support/database.ts';

const DAY_MS = 86_400_000;

/** `count` reports of partner P1, one device each, delivered `deliveredAgo` (null: pending) and
 * written an hour before that. */
async function reports(db: Database, tag: string, count: number, deliveredAgo: string | null): Promise<void> {
  await db.query(
    `INSERT INTO outbox (event_id, plat_id, device_id, data_type, payload, created_at, delivered_at)
     SELECT $1 || g, 'P1', $1 || g, 'attr', '{}'::jsonb,
            now() - coalesce($3::interval, '0'::interval) - interval '1 hour', now() - $3::interval
     FROM generate_series(1, $2::int) g`,
    [tag, count, deliveredAgo],
  );
}

async function eventIds(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ event_id: string }>('SELECT event_id FROM outbox ORDER BY id');
  return rows.map((r) => r.event_id);
}

for (const engine of engines) {
  describe(`the outbox on ${engine.name}`, { skip: engine.skip }, () => {
    test('the retention sweep deletes reports delivered longer ago than the retention, 500 per statement, and keeps pending and recent ones', async (t) => {
      const db = await withDatabase(t, engine);
      await reports(db, 'old-', 1_200, '2 days');
      await reports(db, 'recent-', 5, '1 hour');
      await reports(db, 'pending-', 5, null);
      const queue = outboxQueue(db);
      const statements: number[] = [];
      const retention = outboxRetention({
        queue: {
          deleteDelivered: async (olderThanMs, limit) => {
            const deleted = await queue.deleteDelivered(olderThanMs, limit);
            statements.push(deleted);
            return deleted;
          },
        },
        retentionMs: DAY_MS,
        warn: (error) => assert.fail(String(error)),
      });

      assert.equal(await retention.sweep(), 1_200);
      assert.deepEqual(statements, [500, 500, 200]);
      const left = await eventIds(db);
      assert.deepEqual(left, [...['recent-', 'pending-'].flatMap((tag) => [1, 2, 3, 4, 5].map((n) => `${tag}${n}`))]);
      assert.equal(await retention.sweep(), 0, 'nothing more to delete');
      await retention.stop();
    });

    test('the claim reads pending reports through outbox_pending_idx, whatever the number of delivered ones', async (t) => {
      const db = await withDatabase(t, engine);
      await reports(db, 'done-', 20_000, '1 hour');
      await reports(db, 'pending-', 50, null);
      await db.query('ANALYZE outbox');
      // The claim's own statement, planned instead of run.
      const plans: unknown[] = [];
      const explaining = { ...db, query: async (sql: string, params?: unknown[]) => {
        plans.push((await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows);
        return { rows: [], rowCount: 0 };
      } } as Database;
      await outboxQueue(explaining).claim('w', { platId: 'P1', limit: 32, leaseMs: 30_000 });
      const plan = JSON.stringify(plans);
      assert.match(plan, /"Index Name":\s*"outbox_pending_idx"/, 'the heads come from the pending index');
      assert.doesNotMatch(plan, /"Node Type":\s*"Seq Scan"/, `no sequential scan: ${plan}`);
      const batch = await outboxQueue(db).claim('w', { platId: 'P1', limit: 32, leaseMs: 30_000 });
      assert.equal(batch.length, 32);
    });
  });
}
