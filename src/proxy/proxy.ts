// A running proxy: one or both legs (A → B, B → A) sharing one watch, so that rules across
// directions (an op and its report) see both; the reporters; an optional metrics listener.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLeg, type LegOptions, type RunningLeg } from './listener.ts';
import type { StateLimits } from './link-state.ts';
import { proxyMetrics, type ProxyMetrics } from './metrics.ts';
import { Watch, type Reporter } from './watch.ts';

export interface ProxyOptions {
  legs: Omit<LegOptions, 'enforce' | 'maxBodyBytes' | 'upstreamTimeoutMs'>[];
  enforce?: boolean;
  /** How long after an accepted op its attr report may come (ms). */
  reportTimeoutMs?: number;
  maxBodyBytes?: number;
  upstreamTimeoutMs?: number;
  limits?: Partial<StateLimits>;
  reporters?: Reporter[];
  /** Serve GET /metrics here (port 0: any free port). */
  metrics?: { host: string; port: number };
}

export interface RunningProxy {
  legs: RunningLeg[];
  watch: Watch;
  metrics: ProxyMetrics;
  /** Starts another leg judged by the same watch (when its upstream is known only later). */
  addLeg(leg: ProxyOptions['legs'][number]): Promise<RunningLeg>;
  /** The metrics listener's URL, when there is one. */
  metricsUrl?: string;
  /** Stops both legs (requests in flight get `graceMs`), then reports the ops still unreported. */
  close(graceMs?: number): Promise<void>;
}

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const watch = new Watch({ reportTimeoutMs: options.reportTimeoutMs ?? 5000, ...(options.limits && { limits: options.limits }) });
  const metrics = proxyMetrics();
  for (const reporter of [...(options.reporters ?? []), metrics]) watch.add(reporter);
  const legs: RunningLeg[] = [];
  let metricsServer: Server | undefined;
  let closing: Promise<void> | undefined;
  const close = (graceMs = 5000) => (closing ??= stop(graceMs));
  const stop = async (graceMs: number) => {
    await Promise.all(legs.map((leg) => leg.close(graceMs)));
    if (metricsServer) {
      metricsServer.closeAllConnections();
      await new Promise((resolve) => metricsServer!.close(resolve));
    }
    watch.close();
  };
  const addLeg = async (leg: ProxyOptions['legs'][number]) => {
    const running = await startLeg(
      { ...leg, enforce: options.enforce ?? false, maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024, upstreamTimeoutMs: options.upstreamTimeoutMs ?? 30_000 },
      (exchange, op, tls) => watch.judge(exchange, op, tls),
    );
    legs.push(running);
    return running;
  };
  try {
    for (const leg of options.legs) await addLeg(leg);
    if (options.metrics) {
      const server = createServer((req, res) => {
        if (req.url !== '/metrics') return void res.writeHead(404).end();
        metrics.registry.metrics().then(
          (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
          () => res.writeHead(500).end(),
        );
      });
      metricsServer = server;
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.metrics!.port, options.metrics!.host, () => resolve()));
    }
  } catch (error) {
    await close(0);
    throw error;
  }
  const address = metricsServer?.address() as AddressInfo | undefined;
  return { legs, watch, metrics, addLeg, ...(address && { metricsUrl: `http://${options.metrics!.host}:${address.port}/metrics` }), close };
}
