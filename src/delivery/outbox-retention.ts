// Delivered reports are kept for `retentionMs` (to look into what a partner was sent) and then
// deleted, a small batch per statement: a long DELETE would hold the store (PGlite's single
// connection, PostgreSQL's locks and WAL) while operations and deliveries wait behind it.
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import type { OutboxQueue } from '../store/outbox-queue.ts';

export interface OutboxRetentionOptions {
  queue: Pick<OutboxQueue, 'deleteDelivered'>;
  retentionMs: number;
  /** How often the sweep runs. */
  everyMs?: number;
  batchSize?: number;
  warn(error: unknown, message: string): void;
}

export function outboxRetention({ queue, retentionMs, everyMs = 60_000, batchSize = 500, warn }: OutboxRetentionOptions) {
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<number> | undefined;
  let stopped = false;

  /** Deletes what is past retention, batch after batch; returns how many rows. */
  async function sweep(): Promise<number> {
    let deleted = 0;
    while (!stopped) {
      const n = await queue.deleteDelivered(retentionMs, batchSize);
      deleted += n;
      if (n < batchSize) break;
      // Statements queued meanwhile (PGlite runs one at a time) go before the next batch.
      await yieldToOthers();
    }
    return deleted;
  }

  function sweepOnce(): Promise<number> {
    sweeping ??= sweep()
      .catch((error: unknown) => {
        warn(error, 'deleting delivered reports past their retention failed; the next sweep tries again');
        return 0;
      })
      .finally(() => {
        sweeping = undefined;
      });
    return sweeping;
  }

  return {
    sweep: sweepOnce,
    start(): void {
      timer = setInterval(() => void sweepOnce(), everyMs);
      timer.unref();
    },
    /** Stops the timer, and a sweep under way after its current batch. */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await sweeping;
    },
  };
}
