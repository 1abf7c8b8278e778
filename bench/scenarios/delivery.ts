// Report delivery (7.2.8) to the loopback partner:
// - latency: one op at a time, from the moment its 200 reply arrives to the moment the partner's
//   data gateway receives the report it caused (both stamped with the machine's clock);
// - throughput: a backlog of reports put in the outbox at once, spread over many devices, and
//   the rate at which the outbox workers deliver it, with one and with two platform processes
//   on one PostgreSQL (and one on PGlite, whose data dir one process owns).
import { startServer, type ServerChild } from '../lib/child.ts';
import type { RunContext } from '../lib/context.ts';
import { percentile } from '../lib/load.ts';
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

async function latency(ctx: RunContext, instances: ServerChild[], session: Awaited<ReturnType<typeof openSession>>): Promise<DeliveryRow['latency']> {
  const samples: number[] = [];
  const state = new Map<string, 'True' | 'False'>();
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
  const sorted = Float64Array.from(samples).sort();
  return { samples: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted[sorted.length - 1] ?? NaN };
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
      const row: DeliveryRow = {
        node: node.label,
        store: engine,
        instances: count,
        latency: await latency(ctx, instances, session),
        backlog: await backlog(ctx, instances, name),
      };
      await waitForEmptyOutbox(instances[0]!);
      rows.push(row);
      ctx.log(
        `${node.label} delivery ${engine.padEnd(8)} ×${count}: op reply → report received p50 ${row.latency.p50Ms.toFixed(2)} ms, p99 ${row.latency.p99Ms.toFixed(2)} ms (${row.latency.samples} ops); ` +
          `backlog of ${row.backlog.reports} over ${row.backlog.devices} devices at ${row.backlog.reportsPerSecond.toFixed(0)} reports/s, ${row.backlog.duplicates} duplicates`,
      );
    } finally {
      for (const instance of instances) await instance.stop();
      await fresh.dispose();
    }
  }
  return rows;
}
