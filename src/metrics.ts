// What an operator of a cloud-to-cloud link watches first, as Prometheus metrics at /metrics
// (docs: Metrics page): requests by operationId, HTTP status and RetCode with their latency; the
// outbox backlog and the age of its oldest report per partner; report deliveries, their failures
// and how long after its op a report arrived; partner user verify calls; the store's reachability.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Backlog {
  platId: string;
  pending: number;
  /** Seconds since the oldest undelivered report was written. */
  oldestSeconds: number;
}

// Requests answer in milliseconds; deliveries and verify calls wait on another cloud.
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const CALL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

export function platformMetrics(options: { backlog: () => Promise<Backlog[]> }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cloud_interop_' });
  const requests = new Counter({
    name: 'cloud_interop_requests_total',
    help: 'Requests answered, by operationId (none: no interface matched), HTTP status and RetCode (GB/T 43960: status)',
    labelNames: ['operation', 'status', 'ret_code'],
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'cloud_interop_request_duration_seconds',
    help: 'From a request arriving to its reply sent, by operationId',
    labelNames: ['operation'],
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'cloud_interop_outbox_pending',
    help: 'Reports (7.2.8) written and not yet delivered, by partner',
    labelNames: ['partner'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { platId, pending } of await backlogNow()) this.set({ partner: platId }, pending);
    },
  });
  new Gauge({
    name: 'cloud_interop_outbox_oldest_pending_seconds',
    help: 'Age of the oldest undelivered report, by partner',
    labelNames: ['partner'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { platId, oldestSeconds } of await backlogNow()) this.set({ partner: platId }, oldestSeconds);
    },
  });
  const deliveries = new Counter({
    name: 'cloud_interop_report_deliveries_total',
    help: 'Report deliveries to partners\' data gateways, by partner and outcome (delivered, failed)',
    labelNames: ['partner', 'outcome'],
    registers: [registry],
  });
  const deliverySeconds = new Histogram({
    name: 'cloud_interop_report_delivery_duration_seconds',
    help: 'One call to a partner\'s data gateway, by partner',
    labelNames: ['partner'],
    buckets: CALL_BUCKETS,
    registers: [registry],
  });
  const reportAge = new Histogram({
    name: 'cloud_interop_report_delivered_after_seconds',
    help: 'From a report written (its op or state change committed) to the partner accepting it, by partner',
    labelNames: ['partner'],
    buckets: CALL_BUCKETS,
    registers: [registry],
  });
  const verifySeconds = new Histogram({
    name: 'cloud_interop_partner_verify_duration_seconds',
    help: 'Calls to a partner\'s 7.1.4 user verify interface, by partner and outcome (accepted, refused, failed)',
    labelNames: ['partner', 'outcome'],
    buckets: CALL_BUCKETS,
    registers: [registry],
  });
  const storeUp = new Gauge({ name: 'cloud_interop_store_up', help: '1 while the store answers, 0 while it is out of reach', registers: [registry] });
  const storeOutages = new Counter({ name: 'cloud_interop_store_outages_total', help: 'Times the store became unreachable', registers: [registry] });
  storeUp.set(1);

  // Both backlog gauges are collected in one scrape: one query serves them.
  let pendingQuery: Promise<Backlog[]> | undefined;
  function backlogNow(): Promise<Backlog[]> {
    pendingQuery ??= options.backlog().finally(() => setImmediate(() => (pendingQuery = undefined)));
    return pendingQuery;
  }

  return {
    registry,
    request(operation: string, status: number, retCode: string, seconds: number): void {
      requests.inc({ operation, status, ret_code: retCode });
      requestSeconds.observe({ operation }, seconds);
    },
    delivered(partner: string, seconds: number, afterSeconds: number): void {
      deliveries.inc({ partner, outcome: 'delivered' });
      deliverySeconds.observe({ partner }, seconds);
      reportAge.observe({ partner }, afterSeconds);
    },
    deliveryFailed(partner: string, seconds: number): void {
      deliveries.inc({ partner, outcome: 'failed' });
      deliverySeconds.observe({ partner }, seconds);
    },
    verified(partner: string, outcome: 'accepted' | 'refused' | 'failed', seconds: number): void {
      verifySeconds.observe({ partner, outcome }, seconds);
    },
    store(available: boolean): void {
      if (!available) storeOutages.inc();
      storeUp.set(available ? 1 : 0);
    },
  };
}

export type PlatformMetrics = ReturnType<typeof platformMetrics>;
