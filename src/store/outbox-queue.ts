// The outbox worker's side of the outbox table: claim the next report of each (partner, device)
// in order, then record the outcome. Safe with several platform processes on one PostgreSQL.
import type { Database } from './database.ts';

export interface ClaimedReport {
  id: string;
  eventId: string;
  platId: string;
  deviceId: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export function outboxQueue(db: Database) {
  return {
    /**
     * Claims up to `limit` reports for `leaseMs`. Only the oldest undelivered report of each
     * (partner, device) can be claimed, and not while another worker holds it, so reports of one
     * device reach a partner in order.
     */
    async claim(worker: string, limit: number, leaseMs: number): Promise<ClaimedReport[]> {
      // One statement, not a transaction of four: under load the worker claims about once per
      // report. Every step goes through = ANY(ARRAY(…)), which PostgreSQL runs as index lookups
      // whatever its statistics say: a join here became a nested loop over all pending rows
      // (1.5 s per claim with 2,000 pending) while the table had not been analysed yet, as after
      // a sudden backlog.
      const { rows } = await db.query<{ id: string; event_id: string; plat_id: string; device_id: string; payload: Record<string, unknown>; attempts: number }>(
        `WITH heads AS (
           -- The oldest pending report of each (partner, device): the only one that may go next.
           SELECT DISTINCT ON (plat_id, device_id) id, next_attempt_at, claimed_until
           FROM outbox WHERE delivered_at IS NULL
           ORDER BY plat_id, device_id, id
         ), claimable AS (
           SELECT o.id FROM outbox o
           -- More candidates than the limit: those another worker is claiming right now are skipped.
           WHERE o.id = ANY (ARRAY(
                   SELECT id FROM heads
                   WHERE next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                   ORDER BY id LIMIT $1 * 4))
             -- Again on the row itself: when another worker delivered or claimed it after this
             -- statement's snapshot, FOR UPDATE re-checks this WHERE on the row's newest version
             -- (READ COMMITTED), but not the CTE, which keeps what the snapshot saw.
             AND o.delivered_at IS NULL AND o.next_attempt_at <= now() AND (o.claimed_until IS NULL OR o.claimed_until < now())
           ORDER BY o.id LIMIT $1
           FOR UPDATE SKIP LOCKED
         )
         UPDATE outbox o SET claimed_by = $2, claimed_until = now() + ($3::text || ' milliseconds')::interval
         WHERE o.id = ANY (ARRAY(SELECT id FROM claimable))
         RETURNING o.id, o.event_id, o.plat_id, o.device_id, o.payload, o.attempts`,
        [limit, worker, String(leaseMs)],
      );
      // RETURNING has no order; ids are bigints as strings.
      rows.sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return rows.map((r) => ({ id: r.id, eventId: r.event_id, platId: r.plat_id, deviceId: r.device_id, payload: r.payload, attempts: r.attempts }));
    },
    async delivered(id: string, worker: string): Promise<void> {
      await db.query('UPDATE outbox SET delivered_at = now(), attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL WHERE id = $1 AND claimed_by = $2', [id, worker]);
    },
    async failed(id: string, worker: string, error: string, retryInMs: number): Promise<void> {
      await db.query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $3, next_attempt_at = now() + ($4::text || ' milliseconds')::interval,
                claimed_by = NULL, claimed_until = NULL
         WHERE id = $1 AND claimed_by = $2`,
        [id, worker, error.slice(0, 1000), String(Math.round(retryInMs))],
      );
    },
    /** Extends the worker's claims by another lease: it is still delivering them. */
    async renew(worker: string, leaseMs: number): Promise<void> {
      await db.query(
        `UPDATE outbox SET claimed_until = now() + ($2::text || ' milliseconds')::interval WHERE claimed_by = $1 AND delivered_at IS NULL`,
        [worker, String(leaseMs)],
      );
    },
    /** Gives the worker's claims up (shutdown): the reports are due again at once, for any worker. */
    async release(worker: string): Promise<void> {
      await db.query('UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = $1 AND delivered_at IS NULL', [worker]);
    },
    /**
     * At start: claims no live worker can hold are released. On PGlite the data-dir lock makes
     * this process the only one, so every claim left is a dead process's; on PostgreSQL other
     * instances may be delivering, and a dead one's claims lapse with their short lease.
     */
    async releaseOrphans(): Promise<void> {
      if (db.engine !== 'pglite') return;
      await db.query('UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by IS NOT NULL AND delivered_at IS NULL');
    },
    /** Reports not yet delivered (for shutdown logs and tests). */
    async pending(): Promise<number> {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL');
      return Number(rows[0]?.n ?? 0);
    },
  };
}

export type OutboxQueue = ReturnType<typeof outboxQueue>;
