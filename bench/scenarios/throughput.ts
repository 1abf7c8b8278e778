// Requests per second, latency and peak RSS of the baselines and of the platform's 7.2.6 status
// and 7.2.7 op, every server in its own process, all with the same connections and duration:
// bare node:http, bare Express, Express + the validator, then the platform on PGlite and on
// PostgreSQL, over plain HTTP and over mutual TLS. Each subject takes turns with bare Express
// (bench/lib/paired.ts), so its ratio to Express is measured back to back; its ratio to node:http
// chains that with Express ÷ node:http, measured the same way at the start of the transport.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startServer, type ServerChild } from '../lib/child.ts';
import { wanted, type RunContext } from '../lib/context.ts';
import type { NodeBinary } from '../lib/nodes.ts';
import { paired, type LoadTarget, type Measured } from '../lib/paired.ts';
import { CONFIG_ENV, platformConfig, PROXY_UPSTREAM_ENV } from '../lib/platform-config.ts';
import type { Ratios } from '../lib/ratios.ts';
import { headers, opBodies, opPath, statusBody, statusPath, type Session } from '../lib/requests.ts';
import { openSession } from '../lib/session.ts';
import { enginesOf, freshStore, type Engine, type FreshStore } from '../lib/stores.ts';
import { TLS_DIR_ENV } from '../lib/tls-env.ts';

export type Transport = 'http' | 'mtls';
export type Subject = 'node:http' | 'express' | 'express+validator' | 'express+query' | 'deviceStatus' | 'op' | 'proxy';

export interface ThroughputRow extends Omit<Measured, 'latencies'> {
  node: string;
  subject: Subject;
  store: Engine | 'none';
  transport: Transport;
  peakRssMb: number;
  vsNodeHttp: Ratios;
  vsExpress: Ratios;
  /** The lowest and highest per-slice req/s ratio to Express behind vsExpress.rps (a median). */
  vsExpressRange?: [number, number];
  /** op only: successful ops (warm-up included), the reports the partner received for them
   * (a few more: requests in flight when a load stopped were answered but not counted), and how
   * long the outbox took to drain once the load stopped. */
  reports?: { ops: number; delivered: number; drainSeconds: number };
  /** proxy only: the proxy in front of the platform in turns with the platform direct (7.2.6),
   * one connection: the median latency it adds (ms) and its req/s ratio. */
  vsPlatform?: { addedP50Ms: number; addedP99Ms: number; rps: number; rpsRange: [number, number] };
}

/** The shape of a real session, so the baselines get requests of the same size. */
const lookalike: Session = { userId: '100013954770780042', accessToken: 'x'.repeat(43) };

const origin = (transport: Transport, port: number) => `${transport === 'mtls' ? 'https' : 'http'}://127.0.0.1:${port}`;

function describe(row: ThroughputRow): string {
  const problems = row.non2xx || row.errors ? ` — ${row.non2xx} non-2xx ${JSON.stringify(row.statuses)}, ${row.errors} errors` : '';
  const reports = row.reports ? `  reports ${row.reports.delivered}/${row.reports.ops} ops, drained ${row.reports.drainSeconds.toFixed(1)} s after` : '';
  const proxied = row.vsPlatform ? `  vs the platform direct (1 connection): +${row.vsPlatform.addedP50Ms.toFixed(2)} ms p50, +${row.vsPlatform.addedP99Ms.toFixed(2)} ms p99, ${row.vsPlatform.rps.toFixed(2)}× req/s [${row.vsPlatform.rpsRange.map((r) => r.toFixed(2)).join('–')}]` : '';
  return (
    `${row.node} ${row.subject.padEnd(17)} ${row.store.padEnd(8)} ${row.transport.padEnd(4)} ${row.rps.toFixed(0).padStart(6)} req/s ` +
    `(${row.vsNodeHttp.rps.toFixed(2)}× node:http, ${row.vsExpress.rps.toFixed(2)}× Express${row.vsExpressRange ? ` [${row.vsExpressRange.map((r) => r.toFixed(2)).join('–')}]` : ''})  p50 ${row.p50Ms.toFixed(2)} ms  p99 ${row.p99Ms.toFixed(2)} ms  ` +
    `CPU ${row.cpuUsPerRequest.toFixed(0)} µs/req (${row.vsExpress.cpuPerRequest.toFixed(2)}× Express)  peak RSS ${row.peakRssMb} MiB${reports}${proxied}${problems}`
  );
}

function ratios(subject: Measured, subjectRss: number, base: Measured, baseRss: number, rps: number): Ratios {
  return {
    rps,
    p50: subject.p50Ms / base.p50Ms,
    p99: subject.p99Ms / base.p99Ms,
    peakRss: subjectRss / baseRss,
    cpuPerRequest: subject.cpuUsPerRequest / base.cpuUsPerRequest,
  };
}

const figures = ({ latencies: _, ...rest }: Measured) => rest;

interface StoreState {
  fresh: FreshStore;
  session: Session;
  /** One op sequence per store: the fridges' states live there. */
  nextOp: () => string;
}

export async function throughput(ctx: RunContext, node: NodeBinary): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  const record = (row: ThroughputRow) => {
    rows.push(row);
    ctx.log(describe(row));
  };
  const start = (server: string, transport: Transport, env: Record<string, string | undefined> = {}) =>
    startServer({ node: node.path, server, env: { [TLS_DIR_ENV]: transport === 'mtls' ? ctx.pki.dir : undefined, ...env }, verbose: ctx.settings.verbose });
  const profileOf = async (name: string) => {
    if (!ctx.settings.profileDir) return undefined;
    await mkdir(ctx.settings.profileDir, { recursive: true });
    return { file: path.join(ctx.settings.profileDir, `${node.label}-${name}.cpuprofile`) };
  };
  const stores = new Map<Engine, StoreState>();
  /** The engine's store, with the bench user logged in and its fridges bound, once, over plain
   * HTTP by a platform process of its own (a PGlite data dir has one process at a time). */
  const storeFor = async (engine: Engine): Promise<StoreState> => {
    const known = stores.get(engine);
    if (known) return known;
    const fresh = await freshStore(ctx, engine, `${node.label}_tp`);
    const setup = await start('platform', 'http', { [CONFIG_ENV]: JSON.stringify(platformConfig({ partnerUrl: ctx.partnerUrl, store: fresh.store })) });
    try {
      const session = await openSession(`http://127.0.0.1:${setup.port}/v1`);
      const state = { fresh, session, nextOp: opBodies(session) };
      stores.set(engine, state);
      return state;
    } catch (error) {
      await fresh.dispose();
      throw error;
    } finally {
      await setup.stop();
    }
  };

  try {
    for (const transport of ['http', 'mtls'] as const) {
      if (!wanted(ctx.settings.transports, transport)) continue;
      const tls = transport === 'mtls' ? { ca: ctx.pki.ca, ...ctx.pki.client } : undefined;
      const target = (child: ServerChild, session: Session, url = statusPath, body: LoadTarget['body'] = statusBody(session)) => ({
        child,
        load: { url: `${origin(transport, child.port)}${url}`, headers: headers(session), body, tls },
      });

      const nodeHttp = await start('node-http', transport);
      const express = await start('express', transport);
      try {
        // The two baselines against each other first.
        const base = await paired(ctx.settings, target(nodeHttp, lookalike), target(express, lookalike), await profileOf(`express-${transport}`));
        const nodeHttpRss = nodeHttp.peakRssMb();
        const expressRss = express.peakRssMb();
        const expressVsNodeHttp = ratios(base.subject, expressRss, base.baseline, nodeHttpRss, base.rpsRatio);
        const inverse = (r: Ratios): Ratios => ({ rps: 1 / r.rps, p50: 1 / r.p50, p99: 1 / r.p99, peakRss: 1 / r.peakRss, cpuPerRequest: 1 / r.cpuPerRequest });
        const one: Ratios = { rps: 1, p50: 1, p99: 1, peakRss: 1, cpuPerRequest: 1 };
        if (wanted(ctx.settings.subjects, 'node:http')) {
          record({ ...figures(base.baseline), node: node.label, subject: 'node:http', store: 'none', transport, peakRssMb: nodeHttpRss, vsNodeHttp: one, vsExpress: inverse(expressVsNodeHttp) });
        }
        if (wanted(ctx.settings.subjects, 'express')) {
          record({ ...figures(base.subject), node: node.label, subject: 'express', store: 'none', transport, peakRssMb: expressRss, vsNodeHttp: expressVsNodeHttp, vsExpress: one });
        }

        /** One subject in turns with bare Express; its row, with both ratios. */
        const against = async (child: ServerChild, subjectTarget: ReturnType<typeof target>, name: string, session: Session) => {
          const result = await paired(ctx.settings, target(express, session), subjectTarget, await profileOf(name));
          const rss = child.peakRssMb();
          return {
            result,
            figures: figures(result.subject),
            peakRssMb: rss,
            vsExpress: ratios(result.subject, rss, result.baseline, expressRss, result.rpsRatio),
            vsNodeHttp: ratios(result.subject, rss, base.baseline, nodeHttpRss, result.rpsRatio * base.rpsRatio),
            vsExpressRange: result.rpsRatioRange,
          };
        };

        if (transport === 'http' && wanted(ctx.settings.subjects, 'express+validator')) {
          const child = await start('express-validator', transport);
          try {
            const r = await against(child, target(child, lookalike), `express-validator-${transport}`, lookalike);
            record({ ...r.figures, node: node.label, subject: 'express+validator', store: 'none', transport, peakRssMb: r.peakRssMb, vsNodeHttp: r.vsNodeHttp, vsExpress: r.vsExpress, vsExpressRange: r.vsExpressRange });
          } finally {
            await child.stop();
          }
        }

        if (transport === 'http' && ctx.postgresUrl && wanted(ctx.settings.subjects, 'express+query')) {
          const child = await start('express-query', transport, { BENCH_QUERY_DATABASE_URL: ctx.postgresUrl });
          try {
            const r = await against(child, target(child, lookalike), `express-query-${transport}`, lookalike);
            record({ ...r.figures, node: node.label, subject: 'express+query', store: 'postgres', transport, peakRssMb: r.peakRssMb, vsNodeHttp: r.vsNodeHttp, vsExpress: r.vsExpress, vsExpressRange: r.vsExpressRange });
          } finally {
            await child.stop();
          }
        }

        for (const engine of enginesOf(ctx)) {
          // The proxy in front of the platform (7.2.6), over plain HTTP: in turns with Express for
          // the usual ratios, then in turns with the platform direct for what the proxy adds.
          if (transport === 'http' && wanted(ctx.settings.subjects, 'proxy')) {
            const state = await storeFor(engine);
            const platform = await start('platform', transport, { [CONFIG_ENV]: JSON.stringify(platformConfig({ partnerUrl: ctx.partnerUrl, store: state.fresh.store })) });
            const proxy = await start('proxy', transport, { [PROXY_UPSTREAM_ENV]: `http://127.0.0.1:${platform.port}/v1` });
            try {
              const session = state.session;
              const r = await against(proxy, target(proxy, session), `proxy-${engine}-${transport}`, session);
              // One connection: the latency an exchange gains, without the queueing of a loaded machine
              // where the proxy and the platform share the cores (the Express turns show that).
              const direct = await paired({ ...ctx.settings, connections: 1 }, target(platform, session), target(proxy, session));
              const vsPlatform = {
                addedP50Ms: direct.subject.p50Ms - direct.baseline.p50Ms,
                addedP99Ms: direct.subject.p99Ms - direct.baseline.p99Ms,
                rps: direct.rpsRatio,
                rpsRange: direct.rpsRatioRange,
              };
              record({ ...r.figures, node: node.label, subject: 'proxy', store: engine, transport, peakRssMb: r.peakRssMb, vsNodeHttp: r.vsNodeHttp, vsExpress: r.vsExpress, vsExpressRange: r.vsExpressRange, vsPlatform });
            } finally {
              await proxy.stop();
              await platform.stop();
            }
          }
          for (const subject of ['deviceStatus', 'op'] as const) {
            if (!wanted(ctx.settings.subjects, subject)) continue;
            const state = await storeFor(engine);
            const config = platformConfig({ partnerUrl: ctx.partnerUrl, store: state.fresh.store, tlsDir: transport === 'mtls' ? ctx.pki.dir : undefined });
            const child = await start('platform', transport, { [CONFIG_ENV]: JSON.stringify(config) });
            try {
              const session = state.session;
              const name = `${subject}-${engine}-${transport}`;
              if (subject === 'deviceStatus') {
                const r = await against(child, target(child, session), name, session);
                record({ ...r.figures, node: node.label, subject, store: engine, transport, peakRssMb: r.peakRssMb, vsNodeHttp: r.vsNodeHttp, vsExpress: r.vsExpress, vsExpressRange: r.vsExpressRange });
              } else {
                await ctx.partner.call('reset');
                const r = await against(child, target(child, session, opPath, state.nextOp), name, session);
                const drainSeconds = await waitForEmptyOutbox(child);
                const { count } = await ctx.partner.call<{ count: number }>('counts');
                const reports = { ops: r.result.subjectWarmupOk + r.figures.requests - r.figures.non2xx, delivered: count, drainSeconds };
                record({ ...r.figures, node: node.label, subject, store: engine, transport, peakRssMb: r.peakRssMb, vsNodeHttp: r.vsNodeHttp, vsExpress: r.vsExpress, vsExpressRange: r.vsExpressRange, reports });
              }
            } finally {
              await child.stop();
            }
          }
        }
      } finally {
        await nodeHttp.stop();
        await express.stop();
      }
    }
  } finally {
    for (const state of stores.values()) await state.fresh.dispose();
  }
  return rows;
}

/** Waits until every report is delivered (so the next server starts with an empty outbox); the seconds it took. */
export async function waitForEmptyOutbox(child: ServerChild, limitSeconds = 120): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { rows } = await child.call<{ rows: { n: string }[] }>('sql', { sql: 'SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL' });
    const elapsed = (performance.now() - started) / 1000;
    if (Number(rows[0]?.n) === 0) return elapsed;
    if (elapsed > limitSeconds) throw new Error(`the outbox still holds ${rows[0]?.n} reports after ${limitSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
