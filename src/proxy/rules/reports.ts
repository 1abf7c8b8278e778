// Reports across messages (7.2.8): an op B accepted is followed by an attr report of its device
// within the report timeout; one device's TimeStamps do not go back; a report concerns a device
// one of A's users has bound (as far as the proxy saw); one EventID carries one body.
import { createHash } from 'node:crypto';
import { BoundedMap } from '../bounded.ts';
import type { LinkState } from '../link-state.ts';
import type { Exchange, Violation } from '../types.ts';
import { rules } from './catalog.ts';
import { accepted, deviceIdsOf, found, requestBody, when } from './messages.ts';

interface PendingOp {
  exchange: Exchange;
  deviceId: string;
  deadline: number;
}

export interface LateViolation {
  exchange: Exchange;
  violation: Violation;
}

/** JSON with sorted keys: a retry re-serialised in another key order is the same report. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export class ReportRules {
  /** Per device: when its last attr report arrived, and the TimeStamp of its last report. */
  readonly #lastAttrAt: BoundedMap<string, number>;
  readonly #lastTimeStamp: BoundedMap<string, { timeStamp: number; eventId: string | undefined }>;
  readonly #events: BoundedMap<string, string>;
  readonly #pending: PendingOp[] = [];
  #dropped = 0;

  constructor(
    private readonly state: LinkState,
    private readonly reportTimeoutMs: number,
  ) {
    this.#lastAttrAt = new BoundedMap(state.limits.reports);
    this.#lastTimeStamp = new BoundedMap(state.limits.reports);
    this.#events = new BoundedMap(state.limits.reports);
  }

  /** Accepted ops not awaited because the pending list was full. */
  get droppedOps(): number {
    return this.#dropped;
  }

  observe(exchange: Exchange): Violation[] {
    if (exchange.leg === 'a-to-b' && exchange.operationId === 'devices_op' && accepted(exchange)) this.#awaitReports(exchange);
    if (exchange.leg === 'b-to-a' && exchange.operationId === 'dataservices_dataGateway') return this.#report(exchange);
    return [];
  }

  #awaitReports(exchange: Exchange): void {
    for (const deviceId of deviceIdsOf(requestBody(exchange))) {
      // The report may overtake the op's reply on its way through the proxy.
      const reportedAt = this.#lastAttrAt.get(deviceId);
      if (reportedAt !== undefined && reportedAt >= exchange.at) continue;
      if (this.#pending.length >= this.state.limits.pendingOps) {
        this.#dropped += 1;
        continue;
      }
      this.#pending.push({ exchange, deviceId, deadline: exchange.at + exchange.latencyMs + this.reportTimeoutMs });
    }
  }

  #report(exchange: Exchange): Violation[] {
    const body = requestBody(exchange);
    const deviceId = typeof body.DeviceID === 'string' ? body.DeviceID : undefined;
    if (deviceId === undefined) return [];
    const violations: Violation[] = [];
    const eventId = exchange.request.headers.eventid;
    let retry = false;
    if (eventId !== undefined) {
      const key = `${exchange.request.headers.platid ?? ''}\n${eventId}`;
      const digest = createHash('sha256').update(canonical(body)).digest('base64url');
      const earlier = this.#events.get(key);
      retry = earlier !== undefined;
      if (earlier !== undefined && earlier !== digest) violations.push(found(rules.eventIdConflict, `EventID ${eventId} came again with a different report of ${deviceId}`));
      else if (earlier === undefined) this.#events.set(key, digest);
    }
    const timeStamp = typeof body.TimeStamp === 'string' && /^\d+$/.test(body.TimeStamp) ? Number(body.TimeStamp) : undefined;
    // A retry of an earlier report is not a step back in time.
    if (timeStamp !== undefined && !retry) {
      const last = this.#lastTimeStamp.get(deviceId);
      if (last && timeStamp < last.timeStamp) violations.push(found(rules.timestampBackwards, `report of ${deviceId} with TimeStamp ${timeStamp} (${when(timeStamp)}) after one with ${last.timeStamp} (${when(last.timeStamp)})`));
      if (!last || timeStamp > last.timeStamp) this.#lastTimeStamp.set(deviceId, { timeStamp, eventId });
    }
    const owners = this.state.owners.get(deviceId);
    // Reports written before the unbind may still be on their way: only later ones are judged.
    if (owners && owners.users.size === 0 && timeStamp !== undefined && timeStamp > owners.changedAt) {
      violations.push(found(rules.reportNotBound, `report of ${deviceId} (TimeStamp ${when(timeStamp)}), which no user of A has bound since ${when(owners.changedAt)}`));
    }
    if (body.DataType === 'attr') {
      this.#lastAttrAt.set(deviceId, exchange.at);
      for (let i = this.#pending.length - 1; i >= 0; i -= 1) {
        const op = this.#pending[i]!;
        if (op.deviceId === deviceId && op.exchange.at <= exchange.at) this.#pending.splice(i, 1);
      }
    }
    return violations;
  }

  /** Ops whose report is overdue at `now`, each once; with `all`, every op still waiting (shutdown). */
  sweep(now: number, all = false): LateViolation[] {
    const late: LateViolation[] = [];
    for (let i = this.#pending.length - 1; i >= 0; i -= 1) {
      const op = this.#pending[i]!;
      if (!all && op.deadline > now) continue;
      this.#pending.splice(i, 1);
      if (op.deadline > now) continue;
      late.push({ exchange: op.exchange, violation: found(rules.opUnreported, `op on ${op.deviceId} accepted at ${when(op.exchange.at)}; no attr report of it within ${this.reportTimeoutMs} ms`) });
    }
    return late.reverse();
  }

  get pending(): number {
    return this.#pending.length;
  }
}
