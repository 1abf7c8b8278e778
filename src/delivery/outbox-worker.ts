// Delivers the outbox to partners' data gateways (7.2.8): at least once, EventID for
// de-duplication, ordered per device, retried with exponential backoff and jitter, forever.
// Each partner has a lane of its own (partner-lane.ts): its pace, its outages and its slow calls
// hold up none of the other partners, and within a lane a slow device holds up no other device.
// Claims are short leases, renewed while their deliveries run, so the reports of a process that
// died are taken over within a lease, not after the longest delivery could take.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Partner } from '../domain/model.ts';
import type { Database } from '../store/database.ts';
import type { OutboxQueue } from '../store/outbox-queue.ts';
import { settledBy } from '../settled-by.ts';
import { warnUnlessUnavailable } from '../store/unavailable.ts';
import { outcomeMarks } from './outcome-marks.ts';
import type { PartnerHttp } from './partner-http.ts';
import type { DeliveryObserver } from './partner-lane.ts';
import { partnerLane } from './partner-lane.ts';

export interface OutboxWorkerOptions {
  db: Database;
  queue: OutboxQueue;
  http: PartnerHttp;
  partners: Partner[];
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
  /** How often to look for due retries when no notification arrives. */
  pollMs?: number;
  /** Deliveries in flight at once to each partner. */
  concurrency?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest between two probes of a partner in an outage. */
  probeMaxDelayMs?: number;
  /** How long a claim holds without renewal: how soon another process takes over after a crash. */
  leaseMs?: number;
  /** Told of every delivery's outcome (metrics). */
  observe?: DeliveryObserver;
}

export const DEFAULT_LEASE_MS = 1_500;
const DEFAULT_CONCURRENCY = 16;

export function outboxWorker(options: OutboxWorkerOptions) {
  const id = `worker-${randomUUID()}`;
  const pollMs = options.pollMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 300_000;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const abandon = new AbortController();
  // Every delivery in flight listens to it: as many as the lanes' slots, not a leak.
  setMaxListeners(0, abandon.signal);
  const warn = (error: unknown, message: string) => warnUnlessUnavailable(options.log, error, message);
  const marks = outcomeMarks({
    queue: options.queue,
    worker: id,
    // The claims lapse and the reports go again, with their EventIDs.
    onError: (error) => warn(error, 'recording delivery outcomes failed; those reports go again'),
  });
  // A partner without a data gateway gets no reports sent: they wait in the outbox until one is configured.
  const lanes = options.partners.flatMap((partner) =>
    partner.dataGatewayUrl === undefined
      ? []
      : [
          partnerLane({
            platId: partner.platId,
            dataGatewayUrl: partner.dataGatewayUrl,
            worker: id,
            queue: options.queue,
            http: options.http,
            marks,
            concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
            leaseMs,
            baseDelayMs: options.baseDelayMs ?? 500,
            maxDelayMs,
            probeMaxDelayMs: options.probeMaxDelayMs ?? Math.min(maxDelayMs, 5_000),
            abandon: abandon.signal,
            log: options.log,
            warn,
            observe: options.observe,
          }),
        ],
  );
  let unlisten: (() => Promise<void>) | undefined;
  let poll: NodeJS.Timeout | undefined;
  let renewal: NodeJS.Timeout | undefined;

  const pumpAll = () => {
    for (const lane of lanes) lane.pump();
  };
  /** A notification names the partners owed new reports; one that names none may concern any. */
  const pumpNamed = (payload: string) => {
    if (payload === '') return pumpAll();
    const named = new Set(payload.split(','));
    for (const lane of lanes) if (named.has(lane.platId)) lane.pump();
  };

  function renewLeases(): void {
    const ids = lanes.flatMap((lane) => [...lane.held]);
    if (ids.length === 0) return;
    // The lease may lapse and another process deliver the report too: the EventID makes that a
    // duplicate the partner drops, never a loss.
    options.queue.renew(id, ids, leaseMs).catch((error: unknown) => warn(error, 'renewing the outbox claims failed'));
  }

  return {
    id,
    async start(): Promise<void> {
      await options.queue.releaseOrphans();
      unlisten = await options.db.listen('outbox', pumpNamed);
      renewal = setInterval(renewLeases, leaseMs / 3);
      renewal.unref();
      poll = setInterval(pumpAll, pollMs);
      pumpAll();
    },
    /**
     * Stops claiming at once and lets the deliveries in flight finish until `deadline` (epoch ms);
     * then gives them up and releases their claims, so that the next process delivers them at
     * once. Undelivered reports stay for the next start.
     */
    async stop(deadline = Number.POSITIVE_INFINITY): Promise<void> {
      clearInterval(poll);
      for (const lane of lanes) lane.stop();
      const idle = () => Promise.all(lanes.map((lane) => lane.idle()));
      await settledBy(idle(), deadline);
      abandon.abort();
      await idle();
      await marks.flush();
      clearInterval(renewal);
      await Promise.all([
        options.queue.release(id).catch((error: unknown) => warn(error, 'releasing the outbox claims failed; they lapse with their lease')),
        unlisten?.().catch(() => undefined),
      ]);
    },
  };
}
