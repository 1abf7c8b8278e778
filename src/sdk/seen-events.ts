// Which 7.2.8 reports were already delivered, by their EventID (project extension header), so an
// at-least-once sender's retries reach the receiver once.
import type { components } from '../../generated/cheaa-c2c/partner.types.ts';

type DataGatewayReport = components['schemas']['DataGatewayReport'];

/**
 * The store the partner kit asks before delivering a report. A platform plugs in its database
 * table here; the default keeps the most recent EventIDs in memory.
 */
export interface SeenEvents {
  /**
   * Records the event and answers true, or answers false when it is already recorded. Must be
   * atomic: of two deliveries of one event racing each other, only one may get true (a table with
   * a primary key on (platId, eventId) and `INSERT … ON CONFLICT DO NOTHING` is). The report comes
   * along so that a store may keep it in the very statement that records the EventID.
   */
  claim(eventId: string, platId: string | undefined, report: DataGatewayReport): boolean | Promise<boolean>;
  /** Forgets a claimed event whose delivery failed, so that the sender's retry is delivered. */
  release(eventId: string, platId: string | undefined): void | Promise<void>;
}

/** The last `capacity` events, of all senders together, in memory; the oldest are forgotten first. */
export function memorySeenEvents(capacity = 10_000): SeenEvents {
  const seen = new Set<string>();
  // EventID and PlatID patterns exclude "\n", so the key cannot be ambiguous.
  const key = (eventId: string, platId: string | undefined) => `${platId ?? ''}\n${eventId}`;
  return {
    claim(eventId, platId) {
      const k = key(eventId, platId);
      if (seen.has(k)) return false;
      seen.add(k);
      // A Set iterates in insertion order: the first entry is the oldest.
      if (seen.size > capacity) seen.delete(seen.values().next().value!);
      return true;
    },
    release(eventId, platId) {
      seen.delete(key(eventId, platId));
    },
  };
}
