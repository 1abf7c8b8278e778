// Outcomes of deliveries are recorded in batches: under load many deliveries end within a few
// milliseconds of each other, and one UPDATE for all of them costs about what one for each would.
// A delivery's report stays claimed until its outcome is recorded, so the device's next report
// waits those few milliseconds, never longer.
import type { FailedReport, OutboxQueue } from '../store/outbox-queue.ts';

export interface OutcomeMarksOptions {
  queue: OutboxQueue;
  worker: string;
  /** How long an outcome waits for others to share its statement. */
  coalesceMs?: number;
  /** Recording failed (the store is out of reach): the claims lapse and the reports go again. */
  onError(error: unknown): void;
}

/** More in one statement would only make it slower to parse than the rows are to update. */
const MAX_BATCH = 500;

interface Waiting<T> {
  item: T;
  recorded: () => void;
}

export function outcomeMarks({ queue, worker, coalesceMs = 2, onError }: OutcomeMarksOptions) {
  let delivered: Waiting<string>[] = [];
  let failed: Waiting<FailedReport>[] = [];
  let timer: NodeJS.Timeout | undefined;

  async function record<T>(batch: Waiting<T>[], write: (items: T[]) => Promise<void>): Promise<void> {
    if (batch.length === 0) return;
    try {
      await write(batch.map((w) => w.item));
    } catch (error) {
      onError(error);
    }
    for (const w of batch) w.recorded();
  }

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const [ok, notOk] = [delivered, failed];
    delivered = [];
    failed = [];
    await Promise.all([record(ok, (ids) => queue.delivered(ids, worker)), record(notOk, (reports) => queue.failed(reports, worker))]);
  }

  function add<T>(list: Waiting<T>[], item: T): Promise<void> {
    return new Promise((recorded) => {
      list.push({ item, recorded });
      if (delivered.length + failed.length >= MAX_BATCH) void flush();
      else timer ??= setTimeout(() => void flush(), coalesceMs);
    });
  }

  return {
    /** Resolves once recorded, or once recording failed (then reported to `onError`). */
    delivered: (id: string) => add(delivered, id),
    failed: (report: FailedReport) => add(failed, report),
    /** Records what waits now, without waiting for others (shutdown). */
    flush,
  };
}

export type OutcomeMarks = ReturnType<typeof outcomeMarks>;
