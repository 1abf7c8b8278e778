// One partner's deliveries: up to `concurrency` reports in flight, each of another device, and a
// new one claimed as soon as any ends, so a device whose call hangs holds its own slot only. When
// the partner keeps failing it is in an outage: probed with one report at a time, at growing
// intervals, instead of with every device at once; the first delivery that succeeds ends the
// outage and makes all its waiting reports due at once.
import type { ClaimedReport, OutboxQueue } from '../store/outbox-queue.ts';
import type { OutcomeMarks } from './outcome-marks.ts';
import type { PartnerHttp } from './partner-http.ts';

export interface PartnerLaneOptions {
  platId: string;
  dataGatewayUrl: string;
  worker: string;
  queue: OutboxQueue;
  http: PartnerHttp;
  marks: OutcomeMarks;
  concurrency: number;
  leaseMs: number;
  /** A report's own backoff after it failed: retryDelay(attempts, baseDelayMs, maxDelayMs). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest between two probes of a partner in an outage: how soon its return is noticed. */
  probeMaxDelayMs: number;
  /** Aborted at the shutdown deadline: deliveries still running are given up. */
  abandon: AbortSignal;
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
  warn(error: unknown, message: string): void;
  observe?: DeliveryObserver | undefined;
}

/** Who hears of each delivery: how long the call took and, once accepted, how long after the report was written. */
export interface DeliveryObserver {
  delivered(platId: string, seconds: number, afterSeconds: number): void;
  deliveryFailed(platId: string, seconds: number): void;
}

/** Failures in a row, with no success between, that make an outage rather than bad luck or a
 * report the partner refuses, which back off on their own. */
export const OUTAGE_AFTER_FAILURES = 3;

/** A slot freed waits this long for others before claiming: under load, deliveries end one by one,
 * and a claim per report cost the store more than the reports. */
const CLAIM_COALESCE_MS = 2;

/** Exponential backoff with full jitter: a uniformly random delay up to base·2^attempts, capped. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.random() * Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 30));
}

interface Outage {
  since: number;
  failedProbes: number;
  probeAt: number;
  timer?: NodeJS.Timeout;
}

export function partnerLane(o: PartnerLaneOptions) {
  /** Reports claimed and not yet recorded (or given up): the slots in use. */
  const held = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let claiming: Promise<void> | undefined;
  let claimAgain = false;
  let claimSoon: NodeJS.Timeout | undefined;
  let failuresInARow = 0;
  let outage: Outage | undefined;
  let running = true;

  function freeSlots(): number {
    if (!outage) return o.concurrency - held.size;
    return held.size === 0 && Date.now() >= outage.probeAt ? 1 : 0;
  }

  /** Claims as many reports as there are free slots; called whenever one may have become due or free. */
  function pump(): void {
    if (!running) return;
    if (claiming) {
      claimAgain = true;
      return;
    }
    const free = freeSlots();
    if (free <= 0) return;
    claiming = o.queue
      .claim(o.worker, { platId: o.platId, limit: free, leaseMs: o.leaseMs, probe: outage !== undefined })
      .then((reports) => {
        // Claimed after stop(): they stay unsent, and stop() releases them.
        if (!running) return;
        // An outage may have begun while claiming: then only what a probe may take goes out.
        const room = Math.max(0, freeSlots());
        for (const report of reports.slice(0, room)) start(report, outage !== undefined);
        const unused = reports.slice(room).map((report) => report.id);
        if (unused.length > 0) o.queue.unclaim(unused, o.worker).catch((error: unknown) => o.warn(error, `giving up claims for ${o.platId} failed; they lapse with their lease`));
        // A full claim may have left more behind.
        if (reports.length === free) claimAgain = true;
      })
      .catch((error: unknown) => o.warn(error, `claiming reports for ${o.platId} failed`))
      .finally(() => {
        claiming = undefined;
        if (claimAgain) {
          claimAgain = false;
          pump();
        }
      });
  }

  function start(report: ClaimedReport, probe: boolean): void {
    held.add(report.id);
    const done: Promise<void> = deliver(report, probe).finally(() => {
      held.delete(report.id);
      inFlight.delete(done);
      // The device's next report is claimable now that this one is recorded.
      claimSoon ??= setTimeout(() => {
        claimSoon = undefined;
        pump();
      }, CLAIM_COALESCE_MS);
    });
    inFlight.add(done);
  }

  /** Why the attempt failed, or undefined when the partner accepted the report. */
  async function attempt(report: ClaimedReport): Promise<string | undefined> {
    try {
      const reply = await o.http.post(o.dataGatewayUrl, report.payload, { EventID: report.eventId }, o.abandon);
      if (reply.status === 200 && reply.body?.RetCode === '200') return undefined;
      return `${o.dataGatewayUrl}: HTTP ${reply.status} RetCode ${String(reply.body?.RetCode)} ${String(reply.body?.RetInfo ?? '')}`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  async function deliver(report: ClaimedReport, probe: boolean): Promise<void> {
    const started = performance.now();
    const failure = await attempt(report);
    // Given up at shutdown: not an attempt that failed; stop() releases the claim.
    if (o.abandon.aborted) return;
    const seconds = (performance.now() - started) / 1000;
    if (failure === undefined) o.observe?.delivered(o.platId, seconds, (Date.now() - report.createdAt.getTime()) / 1000);
    else o.observe?.deliveryFailed(o.platId, seconds);
    if (failure === undefined) {
      await o.marks.delivered(report.id);
      await succeeded();
      return;
    }
    const retryInMs = retryDelay(report.attempts, o.baseDelayMs, o.maxDelayMs);
    o.log.warn({ eventId: report.eventId, platId: o.platId, attempts: report.attempts + 1, retryInMs: Math.round(retryInMs) }, `report delivery failed: ${failure}`);
    await o.marks.failed({ id: report.id, error: failure, retryInMs });
    failed(probe);
  }

  async function succeeded(): Promise<void> {
    failuresInARow = 0;
    if (!outage) return;
    const ended = outage;
    outage = undefined;
    clearTimeout(ended.timer);
    try {
      const resumed = await o.queue.resume(o.platId);
      o.log.info({ platId: o.platId, downForMs: Date.now() - ended.since, resumed }, 'the partner takes reports again: its waiting reports are due now');
    } catch (error) {
      o.warn(error, `making the reports for ${o.platId} due again failed; they keep their own backoff`);
    }
  }

  function failed(probe: boolean): void {
    failuresInARow += 1;
    if (!outage) {
      if (failuresInARow < OUTAGE_AFTER_FAILURES) return;
      outage = { since: Date.now(), failedProbes: 0, probeAt: 0 };
      o.log.warn({ platId: o.platId, failures: failuresInARow }, 'the partner keeps failing: probing it with one report at a time');
    } else if (probe) {
      outage.failedProbes += 1;
    } else {
      // A delivery sent before the outage began: the probes' pace is already set.
      return;
    }
    const delay = retryDelay(outage.failedProbes, o.baseDelayMs, o.probeMaxDelayMs);
    outage.probeAt = Date.now() + delay;
    clearTimeout(outage.timer);
    outage.timer = setTimeout(pump, delay);
  }

  return {
    platId: o.platId,
    held,
    pump,
    /** Stops claiming; what is in flight goes on until `idle()` or the abandon signal. */
    stop(): void {
      running = false;
      clearTimeout(outage?.timer);
      clearTimeout(claimSoon);
    },
    /** Resolves when no claim and no delivery is in flight. */
    async idle(): Promise<void> {
      while (claiming || inFlight.size > 0) await Promise.all([claiming, ...inFlight]);
    },
  };
}

export type PartnerLane = ReturnType<typeof partnerLane>;
