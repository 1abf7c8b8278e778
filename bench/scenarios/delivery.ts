// Report delivery (7.2.8) to the loopback partner:
// - latency: one op at a time, from the moment its 200 reply arrives to the moment the partner's
//   data gateway receives the report it caused (both stamped with the machine's clock);
// - throughput: a backlog of reports put in the outbox at once, spread over many devices, and
//   the rate at which the outbox workers deliver it, with one and with two platform processes
//   on one PostgreSQL (and one on PGlite, whose data dir one process owns);
// - sustained: ops as fast as the clients get them answered, each writing a report, with the
//   backlog (reports not yet delivered) sampled meanwhile: flat when delivery keeps up;
// - paced: ops sent at half that sustained rate, open loop, each op's reply → report latency.
import { startServer, type ServerChild } from '../lib/child.ts';
import type { RunContext } from '../lib/context.ts';
import { percentile, runLoad } from '../lib/load.ts';
import type { NodeBinary } from '../lib/nodes.ts';
import { CONFIG_ENV, platformConfig } from '../lib/platform-config.ts';
import { benchPartner, fridges, headers, opBody, opPath } from '../lib/requests.ts';
import { openSession } from '../lib/session.ts';
import { enginesOf, freshStore, type Engine } from '../lib/stores.ts';
import { waitForEmptyOutbox } from './throughput.ts';

export interface DeliveryRow {
  node: string;
  store: Engine;
  instances: number;
  latency: { samples: number; p50Ms: number; p99Ms: number; maxMs: number };
  backlog: { reports: number; devices: number; seconds: number; reportsPerSecond: number; duplicates: number };
  sustained: {
    opsPerSecond: number;
    /** Reports the partner received while the ops went on, per second. */
    reportsPerSecond: number;
    /** Undelivered reports: at the first sample, the last, the most, and the least-squares trend. */
    backlog: { first: number; last: number; max: number; trendPerSecond: number };
    drainSeconds: number;
    /** Ops refused with HTTP 429 while reports waited beyond delivery.maxBacklog: the platform pushing back. */
    pushedBack: number;
  };
  paced: {
    /** The rate asked for (half the sustained rate) and the rate the ops went at. */
    targetPerSecond: number;
    opsPerSecond: number;
    /** Ticks at which every fridge still awaited its previous report, so no op could go. */
    missed: number;
    latency: { samples: number; p50Ms: number; p99Ms: number; maxMs: number };
  };
}

const now = () => performance.timeOrigin + performance.now();
const BACKLOG_DEVICES = 500;

interface Arrival {
  deviceId: string;
  status: Record<string, string>;
  t: number;
}

/** Arrivals the partner announces while watching, matched to the op that caused them. */
function arrivals(partner: ServerChild) {
  const early = new Map<string, number>();
  const waiting = new Map<string, (t: number) => void>();
  const onMessage = (message: { report?: Arrival }) => {
    const report = message.report;
    if (!report) return;
    const key = `${report.deviceId}=${report.status.quickFreeze}`;
    const waiter = waiting.get(key);
    if (waiter) {
      waiting.delete(key);
      waiter(report.t);
    } else {
      early.set(key, report.t);
    }
  };
  partner.process.on('message', onMessage);
  return {
    /** When the report of `deviceId` set to `value` arrived (it may already have). */
    arrival(deviceId: string, value: string, timeoutMs = 10_000): Promise<number> {
      const key = `${deviceId}=${value}`;
      const t = early.get(key);
      if (t !== undefined) {
        early.delete(key);
        return Promise.resolve(t);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no report of ${key} within ${timeoutMs} ms`)), timeoutMs);
        waiting.set(key, (arrived) => {
          clearTimeout(timer);
          resolve(arrived);
        });
      });
    },
    close: () => partner.process.off('message', onMessage),
  };
}

async function latency(ctx: RunContext, instances: ServerChild[], session: Awaited<ReturnType<typeof openSession>>, state: Map<string, 'True' | 'False'>): Promise<DeliveryRow['latency']> {
  const samples: number[] = [];
  await ctx.partner.call('watch', true);
  const watch = arrivals(ctx.partner);
  try {
    for (let i = 0; i < ctx.settings.latencySamples; i++) {
      const deviceId = fridges[i % fridges.length]!;
      // A fresh store: every fridge starts with quickFreeze False.
      const value = state.get(deviceId) === 'True' ? 'False' : 'True';
      state.set(deviceId, value);
      const target = instances[i % instances.length]!;
      const res = await fetch(`http://127.0.0.1:${target.port}${opPath}`, { method: 'POST', headers: headers(session), body: opBody(session, deviceId, value) });
      const replied = now();
      const body = (await res.json()) as { RetCode?: string };
      if (body.RetCode !== '200') throw new Error(`op answered ${res.status} ${JSON.stringify(body)}`);
      samples.push((await watch.arrival(deviceId, value)) - replied);
    }
  } finally {
    watch.close();
    await ctx.partner.call('watch', false);
  }
  return latencyOf(samples);
}

function latencyOf(samples: number[]): DeliveryRow['latency'] {
  const sorted = Float64Array.from(samples).sort();
  return { samples: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted[sorted.length - 1] ?? NaN };
}

/** The fridges' quickFreeze as the store holds it. */
async function readFridgeState(instance: ServerChild, state: Map<string, 'True' | 'False'>): Promise<void> {
  const { rows } = await instance.call<{ rows: { device_id: string; quick_freeze: 'True' | 'False' }[] }>('sql', {
    sql: "SELECT device_id, attrs->>'quickFreeze' AS quick_freeze FROM devices WHERE device_id = ANY ($1::text[])",
    params: [fridges],
  });
  for (const row of rows) state.set(row.device_id, row.quick_freeze);
}

/**
 * Ops at `perSecond`, sent on a clock whatever the replies do (open loop), each to a fridge whose
 * previous report has arrived, so that every report is told apart by its device and value. A tick
 * finding every fridge still waiting is counted as missed: the latency outgrew 16 ticks.
 */
async function paced(ctx: RunContext, instances: ServerChild[], session: Awaited<ReturnType<typeof openSession>>, state: Map<string, 'True' | 'False'>, perSecond: number): Promise<DeliveryRow['paced']> {
  const samples: number[] = [];
  const idle = [...fridges];
  const ticks = Math.max(1, Math.round(perSecond * ctx.settings.pacedSeconds));
  let missed = 0;
  await ctx.partner.call('watch', true);
  const watch = arrivals(ctx.partner);
  const ops: Promise<void>[] = [];
  const started = performance.now();
  try {
    for (let i = 0; i < ticks; i++) {
      const wait = started + (i * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const deviceId = idle.shift();
      if (deviceId === undefined) {
        missed += 1;
        continue;
      }
      const value = state.get(deviceId) === 'True' ? 'False' : 'True';
      state.set(deviceId, value);
      const target = instances[i % instances.length]!;
      ops.push(
        (async () => {
          const res = await fetch(`http://127.0.0.1:${target.port}${opPath}`, { method: 'POST', headers: headers(session), body: opBody(session, deviceId, value) });
          const replied = now();
          const body = (await res.json()) as { RetCode?: string };
          if (body.RetCode !== '200') throw new Error(`op answered ${res.status} ${JSON.stringify(body)}`);
          samples.push((await watch.arrival(deviceId, value)) - replied);
          idle.push(deviceId);
        })(),
      );
    }
    await Promise.all(ops);
  } finally {
    watch.close();
    await ctx.partner.call('watch', false);
  }
  const seconds = (performance.now() - started) / 1000;
  return { targetPerSecond: perSecond, opsPerSecond: samples.length / seconds, missed, latency: latencyOf(samples) };
}

/** One statement, so the workers see the whole backlog at once, woken by the NOTIFY after it. */
const backlogSql = `
  INSERT INTO outbox (event_id, plat_id, device_id, data_type, payload)
  SELECT $1 || g, $2, 'BL' || lpad((g % $3)::text, 10, '0'), 'attr',
         jsonb_build_object('DeviceID', 'BL' || lpad((g % $3)::text, 10, '0'), 'DataType', 'attr',
                            'DeviceStatus', jsonb_build_object('quickFreeze', 'True'),
                            'TimeStamp', (extract(epoch from now()) * 1000)::bigint::text)
  FROM generate_series(1, $4::int) g`;

async function backlog(ctx: RunContext, instances: ServerChild[], tag: string): Promise<DeliveryRow['backlog']> {
  const reports = ctx.settings.backlogReports;
  await ctx.partner.call('reset');
  const first = instances[0]!;
  await first.call('sql', { sql: backlogSql, params: [`backlog-${tag}-`, benchPartner.platId, BACKLOG_DEVICES, reports] });
  await first.call('sql', { sql: "SELECT pg_notify('outbox', '')" });
  const started = performance.now();
  for (;;) {
    const counts = await ctx.partner.call<{ count: number; duplicates: number; first: number; last: number }>('counts');
    if (counts.count >= reports) {
      const seconds = (counts.last - counts.first) / 1000;
      return { reports, devices: BACKLOG_DEVICES, seconds, reportsPerSecond: (counts.count - 1) / seconds, duplicates: counts.duplicates };
    }
    if (performance.now() - started > 300_000) throw new Error(`only ${counts.count} of ${reports} backlog reports arrived in 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const pendingSql = 'SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL';

/** Least-squares slope of `ys` over `xs`. */
function trend(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

async function sustained(ctx: RunContext, instances: ServerChild[], session: Awaited<ReturnType<typeof openSession>>, state: Map<string, 'True' | 'False'>): Promise<DeliveryRow['sustained']> {
  await ctx.partner.call('reset');
  // Each op tells the next fridge the opposite of its state, so every op writes a report.
  let next = 0;
  const nextOp = () => {
    const deviceId = fridges[next++ % fridges.length]!;
    const value = state.get(deviceId) === 'True' ? 'False' : 'True';
    state.set(deviceId, value);
    return opBody(session, deviceId, value);
  };
  const samples: { t: number; pending: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await instances[0]!.call<{ rows: { n: string }[] }>('sql', { sql: pendingSql });
      samples.push({ t: performance.now() / 1000, pending: Number(rows[0]?.n) });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const loads = await Promise.all(
    instances.map((instance) =>
      runLoad({ url: `http://127.0.0.1:${instance.port}${opPath}`, connections: ctx.settings.connections, durationSeconds: ctx.settings.sustainedSeconds, headers: headers(session), body: nextOp }),
    ),
  );
  sampling = false;
  await sampler;
  const { count } = await ctx.partner.call<{ count: number }>('counts');
  const drainSeconds = await waitForEmptyOutbox(instances[0]!);
  const seconds = Math.max(...loads.map((l) => l.seconds));
  const pushedBack = loads.reduce((n, l) => n + (l.statuses['429'] ?? 0), 0);
  const failed = loads.reduce((n, l) => n + l.non2xx + l.errors, 0) - pushedBack;
  if (failed > 0) throw new Error(`${failed} ops failed under sustained load`);
  const pending = samples.map((s) => s.pending);
  return {
    opsPerSecond: loads.reduce((n, l) => n + l.rps, 0),
    reportsPerSecond: count / seconds,
    backlog: { first: pending[0] ?? NaN, last: pending.at(-1) ?? NaN, max: Math.max(...pending), trendPerSecond: trend(samples.map((s) => s.t), pending) },
    drainSeconds,
    pushedBack,
  };
}

export async function delivery(ctx: RunContext, node: NodeBinary): Promise<DeliveryRow[]> {
  const rows: DeliveryRow[] = [];
  const configurations = enginesOf(ctx).flatMap((engine): { engine: Engine; instances: number }[] =>
    engine === 'postgres' ? [{ engine, instances: 1 }, { engine, instances: 2 }] : [{ engine, instances: 1 }],
  );
  for (const { engine, instances: count } of configurations) {
    const name = `${node.label}_dl${count}`;
    const fresh = await freshStore(ctx, engine, name);
    const instances: ServerChild[] = [];
    try {
      const config = platformConfig({ partnerUrl: ctx.partnerUrl, store: fresh.store });
      // One after the other: the first applies the migrations.
      for (let i = 0; i < count; i++) {
        instances.push(await startServer({ node: node.path, server: 'platform', env: { [CONFIG_ENV]: JSON.stringify(config) }, verbose: ctx.settings.verbose }));
      }
      const session = await openSession(`http://127.0.0.1:${instances[0]!.port}/v1`);
      // The fridges' quickFreeze as the ops left it: a fresh store starts them all False.
      const fridgeState = new Map<string, 'True' | 'False'>();
      const latencyRow = await latency(ctx, instances, session, fridgeState);
      const backlogRow = await backlog(ctx, instances, name);
      const sustainedRow = await sustained(ctx, instances, session, fridgeState);
      // Ops of one fridge in flight together may have been applied in another order than sent.
      await readFridgeState(instances[0]!, fridgeState);
      const row: DeliveryRow = {
        node: node.label,
        store: engine,
        instances: count,
        latency: latencyRow,
        backlog: backlogRow,
        sustained: sustainedRow,
        paced: await paced(ctx, instances, session, fridgeState, sustainedRow.opsPerSecond / 2),
      };
      await waitForEmptyOutbox(instances[0]!);
      rows.push(row);
      ctx.log(
        `${node.label} delivery ${engine.padEnd(8)} ×${count}: op reply → report received p50 ${row.latency.p50Ms.toFixed(2)} ms, p99 ${row.latency.p99Ms.toFixed(2)} ms (${row.latency.samples} ops); ` +
          `backlog of ${row.backlog.reports} over ${row.backlog.devices} devices at ${row.backlog.reportsPerSecond.toFixed(0)} reports/s, ${row.backlog.duplicates} duplicates; ` +
          `sustained ${row.sustained.opsPerSecond.toFixed(0)} ops/s, ${row.sustained.reportsPerSecond.toFixed(0)} reports/s delivered meanwhile, undelivered ${row.sustained.backlog.first} → ${row.sustained.backlog.last} (max ${row.sustained.backlog.max}, trend ${row.sustained.backlog.trendPerSecond.toFixed(1)}/s), drained ${row.sustained.drainSeconds.toFixed(1)} s after, ${row.sustained.pushedBack} ops pushed back (429); ` +
          `paced at ${row.paced.opsPerSecond.toFixed(0)} of ${row.paced.targetPerSecond.toFixed(0)} ops/s (${row.paced.missed} ticks missed): op reply → report received p50 ${row.paced.latency.p50Ms.toFixed(2)} ms, p99 ${row.paced.latency.p99Ms.toFixed(2)} ms`,
      );
    } finally {
      for (const instance of instances) await instance.stop();
      await fresh.dispose();
    }
  }
  return rows;
}
