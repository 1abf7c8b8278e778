// Reports other platforms send to this platform's data gateway (its partner role, 7.2.8).
import type { Queryable } from './database.ts';

export interface ReceivedReport {
  fromPlatId: string;
  eventId: string;
  deviceId: string;
  dataType: 'attr' | 'alarm' | 'onOffline';
  payload: Record<string, unknown>;
  timeStamp: string;
}

export function receivedReports(db: Queryable) {
  return {
    /** Stores the report unless one with its sender and EventID is stored already; true when new. */
    async insertIfNew(r: ReceivedReport): Promise<boolean> {
      const { rowCount } = await db.query(
        `INSERT INTO received_reports (from_plat_id, event_id, device_id, data_type, payload, time_stamp)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT DO NOTHING`,
        [r.fromPlatId, r.eventId, r.deviceId, r.dataType, JSON.stringify(r.payload), r.timeStamp],
      );
      return rowCount > 0;
    },
    async list(deviceId?: string): Promise<ReceivedReport[]> {
      const { rows } = await db.query<{ from_plat_id: string; event_id: string; device_id: string; data_type: ReceivedReport['dataType']; payload: Record<string, unknown>; time_stamp: string }>(
        `SELECT from_plat_id, event_id, device_id, data_type, payload, time_stamp FROM received_reports
         WHERE $1::text IS NULL OR device_id = $1 ORDER BY received_at, event_id`,
        [deviceId ?? null],
      );
      return rows.map((r) => ({ fromPlatId: r.from_plat_id, eventId: r.event_id, deviceId: r.device_id, dataType: r.data_type, payload: r.payload, timeStamp: r.time_stamp }));
    },
  };
}
