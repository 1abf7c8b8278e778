// Delivery outcomes recorded in batches (src/delivery/outcome-marks.ts): outcomes that end
// together share one statement, and each row still gets its own outcome, error and delay.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { outcomeMarks } from '../../src/delivery/outcome-marks.ts';
import { outboxQueue, type FailedReport } from '../../src/store/outbox-queue.ts';
import { engines, withDatabase } from '../support/database.ts';

for (const engine of engines) {
  describe(`outcome marks on ${engine.name}`, { skip: engine.skip }, () => {
    test('30 deliveries and 20 failures ending together: two statements, every row with its own outcome; a report another worker holds is left alone', async (t) => {
      const db = await withDatabase(t, engine);
      await db.query(
        `INSERT INTO outbox (event_id, plat_id, device_id, data_type, payload)
         SELECT 'e' || g, 'P1', 'D' || g, 'attr', '{}'::jsonb FROM generate_series(1, 51) g`,
      );
      const queue = outboxQueue(db);
      const claimed = await queue.claim('w', { platId: 'P1', limit: 50, leaseMs: 30_000 });
      assert.equal(claimed.length, 50);
      const [theirs] = await queue.claim('other', { platId: 'P1', limit: 1, leaseMs: 30_000 });
      assert.ok(theirs);

      const statements: { delivered: string[][]; failed: FailedReport[][] } = { delivered: [], failed: [] };
      const marks = outcomeMarks({
        queue: {
          ...queue,
          delivered: (ids, worker) => {
            statements.delivered.push(ids);
            return queue.delivered(ids, worker);
          },
          failed: (reports, worker) => {
            statements.failed.push(reports);
            return queue.failed(reports, worker);
          },
        },
        worker: 'w',
        onError: (error) => assert.fail(String(error)),
      });
      const [ok, notOk] = [claimed.slice(0, 30), claimed.slice(30)];
      await Promise.all([
        ...ok.map((r) => marks.delivered(r.id)),
        ...notOk.map((r, i) => marks.failed({ id: r.id, error: `refused ${r.eventId}`, retryInMs: (i + 1) * 60_000 })),
        marks.delivered(theirs.id),
      ]);

      assert.deepEqual(statements.delivered.map((ids) => ids.length), [31], 'one statement for the deliveries');
      assert.deepEqual(statements.failed.map((reports) => reports.length), [20], 'one for the failures');
      const { rows } = await db.query<{ event_id: string; delivered: boolean; attempts: number; claimed_by: string | null; last_error: string | null; due_in_s: number }>(
        `SELECT event_id, delivered_at IS NOT NULL AS delivered, attempts, claimed_by, last_error,
                round(extract(epoch FROM next_attempt_at - now()))::int AS due_in_s
         FROM outbox ORDER BY id`,
      );
      const byEvent = new Map(rows.map((r) => [r.event_id, r]));
      for (const r of ok) assert.deepEqual(byEvent.get(r.eventId), { event_id: r.eventId, delivered: true, attempts: 1, claimed_by: null, last_error: null, due_in_s: byEvent.get(r.eventId)!.due_in_s });
      notOk.forEach((r, i) => {
        const row = byEvent.get(r.eventId)!;
        assert.deepEqual({ ...row, due_in_s: undefined }, { event_id: r.eventId, delivered: false, attempts: 1, claimed_by: null, last_error: `refused ${r.eventId}`, due_in_s: undefined });
        // Its own delay, give or take the test's own duration.
        assert.ok(Math.abs(row.due_in_s - (i + 1) * 60) <= 5, `${r.eventId} due in ${row.due_in_s} s, not ${(i + 1) * 60} s`);
      });
      assert.deepEqual(byEvent.get(theirs.eventId), { event_id: theirs.eventId, delivered: false, attempts: 0, claimed_by: 'other', last_error: null, due_in_s: byEvent.get(theirs.eventId)!.due_in_s }, 'another worker\'s claim is not this worker\'s to record');
    });
  });
}
