// The proxy's own Prometheus series, in a registry of its own (a proxy is not a platform):
// exchanges by leg, operationId and verdict; violations by rule and clause; the upstream's latency
// and what the proxy added to it.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Reporter } from './watch.ts';

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface ProxyMetrics extends Reporter {
  registry: Registry;
}

export function proxyMetrics(): ProxyMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cloud_interop_proxy_' });
  const exchanges = new Counter({ name: 'cloud_interop_proxy_exchanges_total', help: 'Exchanges seen, by leg (a-to-b, b-to-a), operationId and verdict (pass, fail)', labelNames: ['leg', 'operation', 'verdict'], registers: [registry] });
  const violations = new Counter({ name: 'cloud_interop_proxy_violations_total', help: 'Violations found, by rule and clause of the standard', labelNames: ['rule', 'clause'], registers: [registry] });
  const upstream = new Histogram({ name: 'cloud_interop_proxy_upstream_duration_seconds', help: 'From forwarding a request to the upstream reply read, by leg and operationId', labelNames: ['leg', 'operation'], buckets: BUCKETS, registers: [registry] });
  const added = new Histogram({ name: 'cloud_interop_proxy_added_duration_seconds', help: 'What the proxy added to an exchange beyond the upstream (reading, forwarding, writing), by leg', labelNames: ['leg'], buckets: BUCKETS, registers: [registry] });
  return {
    registry,
    exchange(exchange) {
      const operation = exchange.operationId ?? 'none';
      exchanges.inc({ leg: exchange.leg, operation, verdict: exchange.violations.length === 0 ? 'pass' : 'fail' });
      for (const v of exchange.violations) violations.inc({ rule: v.rule, clause: v.clause });
      upstream.observe({ leg: exchange.leg, operation }, exchange.upstreamMs / 1000);
      added.observe({ leg: exchange.leg }, Math.max(0, exchange.latencyMs - exchange.upstreamMs) / 1000);
    },
    late: (_exchange, v) => violations.inc({ rule: v.rule, clause: v.clause }),
  };
}
