// One load run with autocannon, in this (the orchestrator's) process: a fixed number of
// connections for a fixed time. Latency percentiles come from every successful response's own
// time in milliseconds (autocannon's histogram rounds to whole milliseconds, too coarse here).
import autocannon, { type Options, type Request } from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
  /** A fixed body, or a function giving each request's body. */
  body: string | (() => string);
  tls?: { ca: string; cert: string; key: string };
}

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Non-2xx replies by status, to see why a run went wrong. */
  statuses: Record<string, number>;
  /** Seconds the run lasted. */
  seconds: number;
  /** Every successful response's latency in ms, sorted: to merge runs. */
  latencies: Float64Array;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const request =
    typeof options.body === 'string'
      ? { method: 'POST', path: url.pathname, headers: options.headers, body: options.body }
      : {
          method: 'POST',
          path: url.pathname,
          headers: options.headers,
          setupRequest: (req: Request) => ({ ...req, body: (options.body as () => string)() }),
        };
  const settings: Options = {
    url: url.origin,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    requests: [request],
    ...(options.tls && { tlsOptions: { ...options.tls } }),
  };
  const latencies: number[] = [];
  const instance = autocannon(settings);
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  const sorted = Float64Array.from(latencies).sort();
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) if (!status.startsWith('2')) statuses[status] = count;
  return {
    rps: result['2xx'] / result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    requests: result['2xx'] + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    seconds: result.duration,
    latencies: sorted,
  };
}

/** Several runs against one server as one: counts and time added, latencies pooled. */
export function mergeLoads(runs: LoadResult[]): LoadResult {
  const latencies = new Float64Array(runs.reduce((n, r) => n + r.latencies.length, 0));
  let at = 0;
  for (const run of runs) {
    latencies.set(run.latencies, at);
    at += run.latencies.length;
  }
  latencies.sort();
  const sum = (pick: (r: LoadResult) => number) => runs.reduce((n, r) => n + pick(r), 0);
  const statuses: Record<string, number> = {};
  for (const run of runs) for (const [status, count] of Object.entries(run.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  const seconds = sum((r) => r.seconds);
  return {
    rps: sum((r) => r.requests - r.non2xx) / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    requests: sum((r) => r.requests),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statuses,
    seconds,
    latencies,
  };
}
