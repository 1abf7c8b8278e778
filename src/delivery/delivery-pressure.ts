// The platform pushes back when delivery falls behind: once more than `maxBacklog` reports to a
// partner wait, and until no more than half that many do, ops that would report to it are refused
// (the domain asks `behind`), so a client sending ops faster than their reports can be delivered
// is told to slow down instead of growing a backlog without bound. Checked every `everyMs` with a
// statement that reads at most maxBacklog + 1 entries of the pending index.
import type { OutboxQueue } from '../store/outbox-queue.ts';

export interface DeliveryPressureOptions {
  queue: Pick<OutboxQueue, 'behind'>;
  partners: readonly string[];
  maxBacklog: number;
  everyMs?: number;
  /** A partner fell behind (true) or caught up (false). */
  onChange(platId: string, behind: boolean): void;
  warn(error: unknown, message: string): void;
}

export function deliveryPressure({ queue, partners, maxBacklog, everyMs = 250, onChange, warn }: DeliveryPressureOptions) {
  const behind = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | undefined;

  async function check(): Promise<void> {
    for (const platId of partners) {
      // Caught up only below half the bound: a backlog hovering at the bound would otherwise flip
      // the partner in and out every check (the bench's overload did, twice a second).
      const now = behind.has(platId) ? await queue.behind(platId, Math.floor(maxBacklog / 2)) : await queue.behind(platId, maxBacklog);
      if (now === behind.has(platId)) continue;
      if (now) behind.add(platId);
      else behind.delete(platId);
      onChange(platId, now);
    }
  }

  function checkOnce(): Promise<void> {
    checking ??= check()
      // What was known stays until the store answers again.
      .catch((error: unknown) => warn(error, 'checking the delivery backlog failed; the next check tries again'))
      .finally(() => {
        checking = undefined;
      });
    return checking;
  }

  return {
    behind: (platId: string): boolean => behind.has(platId),
    check: checkOnce,
    start(): void {
      timer = setInterval(() => void checkOnce(), everyMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await checking;
    },
  };
}
