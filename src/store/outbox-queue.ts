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
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string; event_id: string; plat_id: string; device_id: string; payload: Record<string, unknown>; attempts: number }>(
          `WITH heads AS (
             SELECT DISTINCT ON (plat_id, device_id) id
             FROM outbox WHERE delivered_at IS NULL
             ORDER BY plat_id, device_id, id
           )
           SELECT o.id, o.event_id, o.plat_id, o.device_id, o.payload, o.attempts
           FROM outbox o JOIN heads h ON h.id = o.id
           -- delivered_at again here, not only in heads: when another worker delivered the row
           -- after this statement's snapshot, PostgreSQL re-checks this WHERE on the row's new
           -- version before locking it (READ COMMITTED), but not the CTE, whose rows stay as the
           -- snapshot saw them; without it a delivered row (claim cleared) is claimed again.
           WHERE o.delivered_at IS NULL AND o.next_attempt_at <= now() AND (o.claimed_until IS NULL OR o.claimed_until < now())
           ORDER BY o.id LIMIT $1
           FOR UPDATE OF o SKIP LOCKED`,
          [limit],
        );
        if (rows.length === 0) return [];
        await tx.query(
          `UPDATE outbox SET claimed_by = $1, claimed_until = now() + ($2::text || ' milliseconds')::interval WHERE id = ANY($3::bigint[])`,
          [worker, String(leaseMs), rows.map((r) => r.id)],
        );
        return rows.map((r) => ({ id: r.id, eventId: r.event_id, platId: r.plat_id, deviceId: r.device_id, payload: r.payload, attempts: r.attempts }));
      });
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
    /** Reports not yet delivered (for shutdown logs and tests). */
    async pending(): Promise<number> {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL');
      return Number(rows[0]?.n ?? 0);
    },
  };
}

export type OutboxQueue = ReturnType<typeof outboxQueue>;
