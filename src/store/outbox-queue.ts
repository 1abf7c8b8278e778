// The outbox worker's side of the outbox table: claim the next report of each (partner, device)
// in order, then record the outcomes. Safe with several platform processes on one PostgreSQL.
import type { Database } from './database.ts';

export interface ClaimedReport {
  id: string;
  eventId: string;
  platId: string;
  deviceId: string;
  payload: Record<string, unknown>;
  attempts: number;
  /** When the report was written: with its op or state change. */
  createdAt: Date;
}

export interface FailedReport {
  id: string;
  error: string;
  retryInMs: number;
}

export interface ClaimOptions {
  /** The partner whose reports to claim: each partner is delivered to at its own pace. */
  platId: string;
  limit: number;
  leaseMs: number;
  /**
   * Claims the partner's waiting report that is due soonest, due or not: a probe of a partner in
   * an outage, whose reports' own backoffs grew while it was down but must not delay noticing
   * that it is back.
   */
  probe?: boolean;
}

const millis = (ms: number) => String(Math.round(ms));

export function outboxQueue(db: Database) {
  return {
    /**
     * Claims up to `limit` reports of one partner for `leaseMs`. Only the oldest undelivered
     * report of each (partner, device) can be claimed, and not while another worker holds it, so
     * reports of one device reach a partner in order.
     */
    async claim(worker: string, { platId, limit, leaseMs, probe = false }: ClaimOptions): Promise<ClaimedReport[]> {
      // One statement, not a transaction of four: under load the worker claims about once per
      // few reports. Not a prepared statement, unlike the hot paths' lookups: a connection
      // plans a prepared one once (plan_cache_mode=force_generic_plan), and a plan made while the
      // outbox was empty stayed in use behind a 20,000-report backlog, at 17 ms a claim where a
      // fresh plan takes 1.6 ms (bench, delivery part). The outbox's statements are planned each time. Every step goes through = ANY(ARRAY(…)), which PostgreSQL runs as index
      // lookups whatever its statistics say: a join here became a nested loop over all pending
      // rows (1.5 s per claim with 2,000 pending) while the table had not been analysed yet, as
      // after a sudden backlog. The heads come from outbox_pending_idx, which holds pending rows
      // only: delivered rows, kept until the retention sweep, cost the claim nothing.
      const { rows } = await db.query<{ id: string; event_id: string; plat_id: string; device_id: string; payload: Record<string, unknown>; attempts: number; created_at: Date }>(
        `WITH RECURSIVE heads AS (
           -- The oldest pending report of each of the partner's devices: the only one that may go
           -- next. Found device by device, one index probe each (a skip scan of
           -- outbox_pending_idx): DISTINCT ON read every pending row, so a claim behind a backlog
           -- of 90,000 reports of 16 devices took long enough to stall delivery (bench).
           (SELECT device_id, id, next_attempt_at, claimed_until FROM outbox
            WHERE delivered_at IS NULL AND plat_id = $4 ORDER BY device_id, id LIMIT 1)
           UNION ALL
           SELECT next.* FROM heads h CROSS JOIN LATERAL (
             SELECT device_id, id, next_attempt_at, claimed_until FROM outbox
             WHERE delivered_at IS NULL AND plat_id = $4 AND device_id > h.device_id ORDER BY device_id, id LIMIT 1) next
         ), claimable AS (
           SELECT o.id FROM outbox o
           -- More candidates than the limit: those another worker is claiming right now are skipped.
           WHERE o.id = ANY (ARRAY(
                   SELECT id FROM heads
                   WHERE ($5 OR next_attempt_at <= now()) AND (claimed_until IS NULL OR claimed_until < now())
                   ORDER BY CASE WHEN $5 THEN next_attempt_at END, id LIMIT $1 * 4))
             -- Again on the row itself: when another worker delivered or claimed it after this
             -- statement's snapshot, FOR UPDATE re-checks this WHERE on the row's newest version
             -- (READ COMMITTED), but not the CTE, which keeps what the snapshot saw. Written IS
             -- TRUE so the planner cannot answer it from the partial pending index: it scanned
             -- every entry of it to AND with the few ids (bench backlog, table not analysed).
             AND (o.delivered_at IS NULL) IS TRUE AND ($5 OR o.next_attempt_at <= now()) AND (o.claimed_until IS NULL OR o.claimed_until < now())
           ORDER BY CASE WHEN $5 THEN o.next_attempt_at END, o.id LIMIT $1
           FOR UPDATE SKIP LOCKED
         )
         UPDATE outbox o SET claimed_by = $2, claimed_until = now() + ($3::text || ' milliseconds')::interval
         WHERE o.id = ANY (ARRAY(SELECT id FROM claimable))
         RETURNING o.id, o.event_id, o.plat_id, o.device_id, o.payload, o.attempts, o.created_at`,
        [limit, worker, millis(leaseMs), platId, probe],
      );
      // RETURNING has no order; ids are bigints as strings.
      rows.sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return rows.map((r) => ({ id: r.id, eventId: r.event_id, platId: r.plat_id, deviceId: r.device_id, payload: r.payload, attempts: r.attempts, createdAt: new Date(r.created_at) }));
    },
    /** Records reports as delivered, in one statement however many. */
    async delivered(ids: string[], worker: string): Promise<void> {
      await db.query(
        'UPDATE outbox SET delivered_at = now(), attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL WHERE id = ANY ($1::bigint[]) AND claimed_by = $2',
        [ids, worker],
      );
    },
    /** Records failed attempts, each due again after its own delay, in one statement. */
    async failed(reports: FailedReport[], worker: string): Promise<void> {
      // The row's own error and delay are picked from the arrays by its id's position, so the
      // rows are still found by = ANY, not by a join the planner might run as a scan.
      await db.query(
        `UPDATE outbox SET attempts = attempts + 1,
                last_error = ($2::text[])[array_position($1::bigint[], id)],
                next_attempt_at = now() + ($3::float8[])[array_position($1::bigint[], id)] * interval '1 millisecond',
                claimed_by = NULL, claimed_until = NULL
         WHERE id = ANY ($1::bigint[]) AND claimed_by = $4`,
        [reports.map((r) => r.id), reports.map((r) => r.error.slice(0, 1000)), reports.map((r) => Math.round(r.retryInMs)), worker],
      );
    },
    /** Extends the worker's claims on these reports by another lease: it is still delivering
     * them. Claims it no longer names (an outcome it failed to record) lapse, and the report goes
     * again. */
    async renew(worker: string, ids: string[], leaseMs: number): Promise<void> {
      await db.query(
        `UPDATE outbox SET claimed_until = now() + ($3::text || ' milliseconds')::interval WHERE id = ANY ($2::bigint[]) AND claimed_by = $1 AND delivered_at IS NULL`,
        [worker, ids, millis(leaseMs)],
      );
    },
    /** Makes every waiting report of the partner due at once: it answered again after an
     * outage, so the reports it failed meanwhile need not sit out their own backoffs. */
    async resume(platId: string): Promise<number> {
      const { rowCount } = await db.query('UPDATE outbox SET next_attempt_at = now() WHERE plat_id = $1 AND delivered_at IS NULL AND next_attempt_at > now()', [platId]);
      return rowCount;
    },
    /** Gives claims up that the worker will not use: the reports are due again at once, for any worker. */
    async unclaim(ids: string[], worker: string): Promise<void> {
      await db.query('UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ANY ($1::bigint[]) AND claimed_by = $2 AND delivered_at IS NULL', [ids, worker]);
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
    /** Whether more than `limit` reports to the partner wait for delivery; reads at most limit + 1 entries of the pending index. */
    async behind(platId: string, limit: number): Promise<boolean> {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM (SELECT 1 FROM outbox WHERE delivered_at IS NULL AND plat_id = $1 LIMIT $2) AS pending',
        [platId, limit + 1],
      );
      return (rows[0]?.n ?? 0) > limit;
    },
    /** Deletes up to `limit` reports delivered more than `olderThanMs` ago; returns how many. */
    async deleteDelivered(olderThanMs: number, limit: number): Promise<number> {
      const { rowCount } = await db.query(
        `DELETE FROM outbox WHERE id = ANY (ARRAY(
           SELECT id FROM outbox WHERE delivered_at < now() - ($1::text || ' milliseconds')::interval LIMIT $2))`,
        [millis(olderThanMs), limit],
      );
      return rowCount;
    },
    /** Per partner, the reports not yet delivered and the age of the oldest, in seconds (metrics). */
    async backlog(): Promise<{ platId: string; pending: number; oldestSeconds: number }[]> {
      const { rows } = await db.query<{ plat_id: string; pending: string; oldest: string }>(
        `SELECT plat_id, count(*) AS pending, extract(epoch FROM now() - min(created_at)) AS oldest
         FROM outbox WHERE delivered_at IS NULL GROUP BY plat_id`,
      );
      return rows.map((r) => ({ platId: r.plat_id, pending: Number(r.pending), oldestSeconds: Number(r.oldest) }));
    },
  };
}

export type OutboxQueue = ReturnType<typeof outboxQueue>;
