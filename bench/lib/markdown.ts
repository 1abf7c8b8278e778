// The Markdown tables of a run: ratios first, absolute figures beside them, the machine on top.
import type { ThroughputRow } from '../scenarios/throughput.ts';
import { aims } from './ratios.ts';
import type { Results } from './results.ts';

const fixed = (n: number | undefined, digits = 2) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
const times = (n: number | undefined) => (n === undefined ? '–' : `${n.toFixed(2)}×`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const transportName = (t: string) => (t === 'mtls' ? 'mutual TLS' : 'HTTP');

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function throughputTable(rows: ThroughputRow[]): string[] {
  const lines = [
    row(['scenario', 'store', 'transport', 'req/s', '× node:http', '× Express', 'p50 ms', 'p99 ms', 'p99 × Express', 'CPU µs/req', 'CPU × Express', 'peak RSS MiB']),
    row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const r of rows) {
    lines.push(
      row([
        r.subject,
        r.store === 'none' ? '–' : r.store,
        transportName(r.transport),
        int(r.rps),
        times(r.vsNodeHttp?.rps),
        times(r.vsExpress?.rps),
        fixed(r.p50Ms),
        fixed(r.p99Ms),
        times(r.vsExpress?.p99),
        int(r.cpuUsPerRequest),
        times(r.vsExpress?.cpuPerRequest),
        r.peakRssMb,
      ]),
    );
  }
  return lines;
}

export function markdown(results: Results): string {
  const { machine } = results;
  const out: string[] = [
    '# Benchmark results',
    '',
    `Measured ${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC at commit \`${results.commit.slice(0, 10)}\`${results.dirty ? ' (with uncommitted changes)' : ''}, ` +
      `on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Linux ${machine.kernel}. ` +
      `Load average (1, 5, 15 min) ${machine.loadAverage.start.join(' / ')} at the start and ${machine.loadAverage.end.join(' / ')} at the end: ` +
      'the machine was shared, so compare ratios, which were measured back to back, rather than absolute figures.',
    '',
    `Node: ${results.nodes.map((n) => `${n.label} = ${n.version}`).join(', ')}. Settings: \`${JSON.stringify(results.settings)}\`.`,
    '',
  ];

  if (results.throughput.length) {
    out.push(
      '## Throughput',
      '',
      'Every server is its own process, loaded by autocannon from the orchestrator on loopback. Each subject took turns with bare Express in slices of about 2.5 s, so `× Express` (median of the slice ratios) ' +
        'is measured back to back; `× node:http` chains it with Express ÷ node:http, measured the same way. Higher req/s is better; lower latency and CPU are better. ' +
        '`CPU µs/req` is the server process\'s own CPU time (user + system, from /proc) per successful request: less disturbed by other work on the machine than req/s, but it leaves out the PostgreSQL server\'s share. ' +
        'Peak RSS is the process\'s VmHWM, start-up included. ' +
        '`express+validator` is bare Express plus the platform\'s generated request, response and security validation, answering the fixed reply. ' +
        '`express+query` is bare Express plus one round trip to PostgreSQL per request (a prepared statement on a pool of 10), answering the fixed reply: the cost of any store round trip on this machine. ' +
        'deviceStatus and op are the platform with validation on, persisting to the store; each op changes a fridge, writes a report to the outbox and the worker delivers it to the loopback partner while the load runs.',
      '',
    );
    for (const node of results.nodes) {
      const rows = results.throughput.filter((r) => r.node === node.label);
      if (!rows.length) continue;
      out.push(`### ${node.label} (${node.version})`, '', ...throughputTable(rows), '');
    }

    out.push('### Aims (PostgreSQL, × bare Express)', '', row(['Node', 'transport', 'deviceStatus', `aim ${aims.deviceStatus}×`, 'op', `aim ${aims.op}×`]), row(['---', '---', '---:', '---', '---:', '---']));
    for (const node of results.nodes) {
      for (const transport of ['http', 'mtls']) {
        const find = (subject: string) => results.throughput.find((r) => r.node === node.label && r.store === 'postgres' && r.transport === transport && r.subject === subject);
        const status = find('deviceStatus')?.vsExpress?.rps;
        const op = find('op')?.vsExpress?.rps;
        if (status === undefined && op === undefined) continue;
        const met = (value: number | undefined, aim: number) => (value === undefined ? '–' : value >= aim ? 'met' : 'short');
        out.push(row([node.label, transportName(transport), times(status), met(status, aims.deviceStatus), times(op), met(op, aims.op)]));
      }
    }
    out.push('');

    if (results.nodes.length > 1) {
      const a = results.nodes[0]!;
      const b = results.nodes[1]!;
      out.push(`### ${a.label} against ${b.label}`, '', row(['scenario', 'store', 'transport', `${a.label} req/s`, `${b.label} req/s`, `${a.label} ÷ ${b.label}`]), row(['---', '---', '---', '---:', '---:', '---:']));
      for (const r of results.throughput.filter((x) => x.node === a.label)) {
        const other = results.throughput.find((x) => x.node === b.label && x.subject === r.subject && x.store === r.store && x.transport === r.transport);
        if (other) out.push(row([r.subject, r.store === 'none' ? '–' : r.store, transportName(r.transport), int(r.rps), int(other.rps), times(r.rps / other.rps)]));
      }
      out.push('');
    }
  }

  if (results.delivery.length) {
    out.push(
      '## Report delivery',
      '',
      'Latency: one op at a time, from its 200 reply reaching the client to its report reaching the partner\'s data gateway. ' +
        'Throughput: a backlog of reports over many devices put in the outbox in one statement, delivered by the outbox workers of one or two platform processes (first to last arrival). ' +
        'Sustained: ops on 16 fridges as fast as they are answered, each writing a report; the undelivered reports sampled every 250 ms, their least-squares trend per second (flat: delivery keeps up); pushed back: ops refused with 429 while more reports waited than delivery.maxBacklog. ' +
        'Paced: then ops at half the sustained rate, sent on a clock (open loop), each to a fridge whose previous report has arrived, from the op\'s 200 reply to its report reaching the partner (missed: ticks at which all 16 fridges still awaited a report).',
      '',
      row(['Node', 'store', 'instances', 'latency p50 ms', 'latency p99 ms', 'ops', 'backlog', 'reports/s', 'duplicates', 'sustained ops/s', 'undelivered first → last (max)', 'trend /s', 'pushed back', 'paced ops/s (missed)', 'paced p50 ms', 'paced p99 ms']),
      row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    );
    for (const d of results.delivery) {
      const s = d.sustained;
      out.push(row([d.node, d.store, d.instances, fixed(d.latency.p50Ms), fixed(d.latency.p99Ms), d.latency.samples, `${int(d.backlog.reports)} / ${d.backlog.devices} devices`, int(d.backlog.reportsPerSecond), d.backlog.duplicates, int(s.opsPerSecond), `${s.backlog.first} → ${s.backlog.last} (${s.backlog.max})`, fixed(s.backlog.trendPerSecond), int(s.pushedBack), `${int(d.paced.opsPerSecond)} (${d.paced.missed})`, fixed(d.paced.latency.p50Ms), fixed(d.paced.latency.p99Ms)]));
    }
    out.push('');
  }

  if (results.scale.length) {
    const first = results.scale[0]!;
    out.push(
      `## Store size (PostgreSQL, ${first.node})`,
      '',
      `The bench user's 7.2.6 status (one device) and 7.2.3 list (its 16 devices) with other devices and ${int(first.users)} other users in the store, each device bound to one of them. ` +
        '`p99 × smallest` divides by the p99 of the smallest store.',
      '',
      row(['devices', 'status req/s', 'status p50 ms', 'status p99 ms', 'p99 × smallest', 'list req/s', 'list p50 ms', 'list p99 ms', 'p99 × smallest']),
      row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    );
    for (const s of results.scale) {
      out.push(
        row([
          int(s.devices),
          int(s.status.rps),
          fixed(s.status.p50Ms),
          fixed(s.status.p99Ms),
          times(s.status.p99Ms / first.status.p99Ms),
          int(s.list.rps),
          fixed(s.list.p50Ms),
          fixed(s.list.p99Ms),
          times(s.list.p99Ms / first.list.p99Ms),
        ]),
      );
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
