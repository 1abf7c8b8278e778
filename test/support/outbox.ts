// The outbox as a test reads it: the reports a platform owes its partners (7.2.8).
import type { Database } from '../../src/store/database.ts';

/** A row of the outbox: a report this platform owes a partner (7.2.8). */
export interface OutboxRow {
  eventId: string;
  platId: string;
  deviceId: string;
  dataType: string;
  payload: { DeviceID: string; DataType: string; DeviceStatus: Record<string, string>; TimeStamp: string };
  attempts: number;
  delivered: boolean;
  claimedBy: string | null;
}

/** The outbox in the order reports were written, of some devices or all. */
export async function outboxRows(db: Database, deviceIds?: string[]): Promise<OutboxRow[]> {
  const { rows } = await db.query<{ event_id: string; plat_id: string; device_id: string; data_type: string; payload: OutboxRow['payload']; attempts: number; delivered_at: Date | null; claimed_by: string | null }>(
    `SELECT event_id, plat_id, device_id, data_type, payload, attempts, delivered_at, claimed_by FROM outbox
     WHERE $1::text[] IS NULL OR device_id = ANY($1::text[]) ORDER BY id`,
    [deviceIds ?? null],
  );
  return rows.map((r) => ({
    eventId: r.event_id,
    platId: r.plat_id,
    deviceId: r.device_id,
    dataType: r.data_type,
    payload: r.payload,
    attempts: r.attempts,
    delivered: r.delivered_at !== null,
    claimedBy: r.claimed_by,
  }));
}
