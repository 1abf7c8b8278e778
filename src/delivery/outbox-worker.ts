// Delivers the outbox to partners' data gateways (7.2.8): at least once, EventID for
// de-duplication, ordered per device, retried with exponential backoff and jitter, forever.
// Claims are short leases, renewed while their deliveries run, so the reports of a process that
// died are taken over within a lease, not after the longest delivery could take.
import { randomUUID } from 'node:crypto';
import type { Partner } from '../domain/model.ts';
import type { Database } from '../store/database.ts';
import type { ClaimedReport, OutboxQueue } from '../store/outbox-queue.ts';
import { settledBy } from '../settled-by.ts';
import { warnUnlessUnavailable } from '../store/unavailable.ts';
import type { PartnerHttp } from './partner-http.ts';

export interface OutboxWorkerOptions {
  db: Database;
  queue: OutboxQueue;
  http: PartnerHttp;
  partners: Partner[];
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
  /** How often to look for due retries when no notification arrives. */
  pollMs?: number;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claim holds without renewal: how soon another process takes over after a crash. */
  leaseMs?: number;
}

export const DEFAULT_LEASE_MS = 1_500;

/** Exponential backoff with full jitter: a uniformly random delay up to base·2^attempts, capped. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.random() * Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 30));
}

export function outboxWorker(options: OutboxWorkerOptions) {
  const id = `worker-${randomUUID()}`;
  const partners = new Map(options.partners.map((p) => [p.platId, p]));
  const pollMs = options.pollMs ?? 500;
  const batchSize = options.batchSize ?? 32;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 300_000;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  // Aborted at the shutdown deadline: deliveries still running are given up and their claims released.
  const abandon = new AbortController();
  let running = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let held = 0;
  let renewal: NodeJS.Timeout | undefined;

  const warn = (error: unknown, message: string) => warnUnlessUnavailable(options.log, error, message);

  async function deliver(report: ClaimedReport): Promise<void> {
    const partner = partners.get(report.platId);
    const url = partner?.dataGatewayUrl;
    if (!url) {
      await options.queue.failed(report.id, id, `no data gateway configured for ${report.platId}`, maxDelayMs);
      return;
    }
    let failure: string | undefined;
    try {
      const reply = await options.http.post(url, report.payload, { EventID: report.eventId }, abandon.signal);
      if (reply.status !== 200 || reply.body?.RetCode !== '200') {
        failure = `${url}: HTTP ${reply.status} RetCode ${String(reply.body?.RetCode)} ${String(reply.body?.RetInfo ?? '')}`;
      }
    } catch (error) {
      // Given up at shutdown: not an attempt that failed; stop() releases the claim.
      if (abandon.signal.aborted) return;
      failure = error instanceof Error ? error.message : String(error);
    }
    // Recording the outcome may fail in turn (the store is out of reach): the claim then lapses
    // and the report goes again, with its EventID.
    if (failure === undefined) {
      await options.queue.delivered(report.id, id);
      return;
    }
    const delay = retryDelay(report.attempts, baseDelayMs, maxDelayMs);
    options.log.warn({ eventId: report.eventId, platId: report.platId, attempts: report.attempts + 1, retryInMs: Math.round(delay) }, `report delivery failed: ${failure}`);
    await options.queue.failed(report.id, id, failure, delay);
  }

  /** Claims and delivers until nothing is due or the worker stops; devices are independent, so
   * they go in parallel. */
  async function drain(): Promise<void> {
    while (running) {
      const batch = await options.queue.claim(id, batchSize, leaseMs);
      if (batch.length === 0) return;
      held += batch.length;
      // Every delivery of the batch settles before the next claim, even when one fails to record
      // its outcome: their claims are renewed until then.
      const settled = await Promise.allSettled(batch.map(deliver));
      held -= batch.length;
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await drain();
      } catch (error) {
        warn(error, 'outbox worker pass failed; retrying');
      }
      if (!running) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  function renewLeases(): void {
    if (held === 0) return;
    // The lease may lapse and another process deliver the report too: the EventID makes that a
    // duplicate the partner drops, never a loss.
    options.queue.renew(id, leaseMs).catch((error: unknown) => warn(error, 'renewing the outbox claims failed'));
  }

  return {
    id,
    async start(): Promise<void> {
      running = true;
      await options.queue.releaseOrphans();
      unlisten = await options.db.listen('outbox', () => wake?.());
      renewal = setInterval(renewLeases, leaseMs / 3);
      renewal.unref();
      loop = run();
    },
    /**
     * Stops claiming at once and lets the deliveries in flight finish until `deadline` (epoch ms);
     * then gives them up and releases their claims, so that the next process delivers them at
     * once. Undelivered reports stay for the next start.
     */
    async stop(deadline = Number.POSITIVE_INFINITY): Promise<void> {
      running = false;
      wake?.();
      await settledBy(loop, deadline);
      abandon.abort();
      await loop;
      clearInterval(renewal);
      await Promise.all([
        options.queue.release(id).catch((error: unknown) => warn(error, 'releasing the outbox claims failed; they lapse with their lease')),
        unlisten?.().catch(() => undefined),
      ]);
    },
  };
}
