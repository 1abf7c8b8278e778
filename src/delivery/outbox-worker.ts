// Delivers the outbox to partners' data gateways (7.2.8): at least once, EventID for
// de-duplication, ordered per device, retried with exponential backoff and jitter, forever.
import { randomUUID } from 'node:crypto';
import type { Partner } from '../domain/model.ts';
import type { Database } from '../store/database.ts';
import type { OutboxQueue } from '../store/outbox-queue.ts';
import { PartnerCallError, type PartnerHttp } from './partner-http.ts';

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
}

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
  let running = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;

  async function deliver(report: Awaited<ReturnType<OutboxQueue['claim']>>[number]): Promise<void> {
    const partner = partners.get(report.platId);
    const url = partner?.dataGatewayUrl;
    if (!url) {
      await options.queue.failed(report.id, id, `no data gateway configured for ${report.platId}`, maxDelayMs);
      return;
    }
    try {
      const reply = await options.http.post(url, report.payload, { EventID: report.eventId });
      if (reply.status === 200 && reply.body?.RetCode === '200') {
        await options.queue.delivered(report.id, id);
        return;
      }
      throw new PartnerCallError(`${url}: HTTP ${reply.status} RetCode ${String(reply.body?.RetCode)} ${String(reply.body?.RetInfo ?? '')}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const delay = retryDelay(report.attempts, baseDelayMs, maxDelayMs);
      options.log.warn({ eventId: report.eventId, platId: report.platId, attempts: report.attempts + 1, retryInMs: Math.round(delay) }, `report delivery failed: ${message}`);
      await options.queue.failed(report.id, id, message, delay);
    }
  }

  /** Claims and delivers until nothing is due; devices are independent, so they go in parallel. */
  async function drain(): Promise<void> {
    for (;;) {
      const batch = await options.queue.claim(id, batchSize, 30_000);
      if (batch.length === 0) return;
      await Promise.all(batch.map(deliver));
    }
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await drain();
      } catch (error) {
        options.log.warn({ err: error }, 'outbox worker pass failed; retrying');
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

  return {
    id,
    async start(): Promise<void> {
      running = true;
      unlisten = await options.db.listen('outbox', () => wake?.());
      loop = run();
    },
    /** Finishes the deliveries in flight, then stops; undelivered reports stay for the next start. */
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await loop;
      await unlisten?.();
    },
    /** Delivers everything due now (tests, shutdown). */
    drain,
  };
}
