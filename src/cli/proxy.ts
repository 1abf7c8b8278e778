// `cloud-interop proxy`: the validating proxy between an A platform and a B platform (src/proxy),
// until SIGINT/SIGTERM; then a bounded shutdown, the reports and the summary by clause.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PemFiles } from '../proxy/listener.ts';
import type { Leg } from '../proxy/types.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';

const help = `Usage: cloud-interop proxy [--a-to-b <host:port> --b-upstream <url>] [--b-to-a <host:port> --a-upstream <url>] [options]

Sits between an A platform and a B platform of the CHEAA cloud-to-cloud standard and checks every
exchange, both directions, with the platform's compiled validators and rules across messages
(a token used after logout, an op on a device the user never bound, FailedIDs, 7.2.6 counts, ops
left unreported, reports out of order or for unbound devices, EventIDs reused). Traffic passes
unchanged; --enforce refuses invalid requests in the standard's error body instead.

Legs (at least one):
  --a-to-b <host:port>      listen where A calls B (7.1.1–7.2.7) ...
  --b-upstream <url>        ... and forward to B's real base URL, e.g. https://b.example:8443/v1
  --b-to-a <host:port>      listen where B calls A (7.1.4 verify, 7.2.8 reports) ...
  --a-upstream <url>        ... and forward to A's real base URL
  Paths are forwarded unchanged: callers use the upstream's base path on the proxy.

Mutual TLS (clause 6.6.1.1), each cert=<pem>,key=<pem>,ca=<pem>:
  --server-tls <files>      the proxy's certificate towards callers, and the CA their client
                            certificates must chain to (both listeners); without it they are plain HTTP
  --b-client-tls <files>    presented to B for A (A's client certificate), and the CA of B's certificate
  --a-client-tls <files>    presented to A for B, and the CA of A's certificate

Options:
  --enforce                 refuse an invalid request (RetCode 400/401/415) instead of forwarding it
  --report-timeout <ms>     how long an accepted op may wait for its attr report (default 5000)
  --log <file.jsonl>        append one JSON line per exchange (tokens masked)
  --report <file>           at exit, .xml for JUnit XML, .html for HTML (the conformance kit's); repeatable
  --metrics <host:port>     serve the proxy's Prometheus metrics at http://<host:port>/metrics
  --grace <ms>              at shutdown, how long requests in flight may take (default 5000)
  --quiet                   no console line per exchange (violations are still printed)
  -h, --help                show this help

Stops on SIGINT or SIGTERM: no new connections, exchanges in flight finish within --grace, the
reports and the summary by clause are written. Exit status 0 when no violation was seen, 1 when
one was, 2 for wrong arguments or configuration (reported before listening).

Example (plain HTTP, B's platform on 8081, A's partner interfaces on 8099):
  cloud-interop proxy --a-to-b 127.0.0.1:9081 --b-upstream http://127.0.0.1:8081/v1 \\
      --b-to-a 127.0.0.1:9099 --a-upstream http://127.0.0.1:8099/v1 --report proxy.html --log proxy.jsonl
`;

function hostPort(option: string, value: string): { host: string; port: number } {
  const at = value.lastIndexOf(':');
  const host = at > 0 ? value.slice(0, at).replace(/^\[(.*)\]$/, '$1') : '';
  const port = Number(value.slice(at + 1));
  if (!host || !Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--${option} ${value}: give <host>:<port>, e.g. 127.0.0.1:9443`);
  return { host, port };
}

function upstreamUrl(option: string, value: string | undefined, needed: string): URL {
  if (value === undefined) throw new UsageError(`${needed} needs --${option} <url>`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--${option} ${value} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--${option} must be an http or https URL`);
  return url;
}

function pemFiles(option: string, value: string | undefined): PemFiles | undefined {
  if (value === undefined) return undefined;
  const parts = Object.fromEntries(value.split(',').map((part) => [part.slice(0, part.indexOf('=')).trim(), part.slice(part.indexOf('=') + 1).trim()]));
  const files: Partial<PemFiles> = {};
  for (const name of ['cert', 'key', 'ca'] as const) {
    const file = parts[name];
    if (!file) throw new UsageError(`--${option} needs cert=<pem>,key=<pem>,ca=<pem>`);
    try {
      files[name] = readFileSync(path.resolve(file), 'utf8');
    } catch (error) {
      throw new UsageError(`--${option} ${name}=${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  return files as PemFiles;
}

function milliseconds(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) throw new UsageError(`--${option} takes milliseconds, got ${value}`);
  return ms;
}

function reportKind(file: string): 'junit' | 'html' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xml') return 'junit';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new UsageError(`--report ${file}: give a .xml (JUnit) or .html file`);
}

export const proxy: Command = {
  help,
  async run(args, { stdout, stderr }) {
    const { values, positionals } = parseCommandArgs(args, {
      options: {
        'a-to-b': { type: 'string' },
        'b-upstream': { type: 'string' },
        'b-to-a': { type: 'string' },
        'a-upstream': { type: 'string' },
        'server-tls': { type: 'string' },
        'b-client-tls': { type: 'string' },
        'a-client-tls': { type: 'string' },
        enforce: { type: 'boolean' },
        'report-timeout': { type: 'string' },
        log: { type: 'string' },
        report: { type: 'string', multiple: true },
        metrics: { type: 'string' },
        grace: { type: 'string' },
        quiet: { type: 'boolean' },
      },
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]!}`);
    if (!values['a-to-b'] && !values['b-to-a']) throw new UsageError('give at least one leg: --a-to-b <host:port> with --b-upstream <url>, or --b-to-a <host:port> with --a-upstream <url>');
    const serverTls = pemFiles('server-tls', values['server-tls']);
    const legs: { leg: Leg; host: string; port: number; upstream: URL; serverTls?: PemFiles; clientTls?: PemFiles }[] = [];
    for (const [leg, listen, upstreamOption, clientOption] of [
      ['a-to-b', values['a-to-b'], 'b-upstream', 'b-client-tls'],
      ['b-to-a', values['b-to-a'], 'a-upstream', 'a-client-tls'],
    ] as const) {
      if (listen === undefined) {
        if (values[upstreamOption] !== undefined) throw new UsageError(`--${upstreamOption} needs --${leg} <host:port> to listen on`);
        continue;
      }
      const upstream = upstreamUrl(upstreamOption, values[upstreamOption], `--${leg}`);
      const clientTls = pemFiles(clientOption, values[clientOption]);
      if (upstream.protocol === 'https:' && !clientTls) throw new UsageError(`--${upstreamOption} is https: give --${clientOption} (the client certificate presented upstream and the upstream's CA)`);
      legs.push({ leg, ...hostPort(leg, listen), upstream, ...(serverTls && { serverTls }), ...(clientTls && { clientTls }) });
    }
    const reports = (values.report ?? []).map((file) => ({ file, kind: reportKind(file) }));
    const reportTimeoutMs = milliseconds('report-timeout', values['report-timeout'], 5000);
    const graceMs = milliseconds('grace', values.grace, 5000);
    const metrics = values.metrics === undefined ? undefined : hostPort('metrics', values.metrics);

    // Loaded once the arguments are right: the validators are large.
    const { startProxy } = await import('../proxy/proxy.ts');
    const { consoleReporter, exchangeLine } = await import('../proxy/reporters/console.ts');
    const { jsonLinesReporter } = await import('../proxy/reporters/jsonl.ts');
    const { kitReports } = await import('../proxy/reporters/kit-report.ts');
    const { summaryReporter } = await import('../proxy/reporters/summary.ts');
    const summary = summaryReporter();
    const target = legs.map((l) => `${l.leg === 'a-to-b' ? 'A → B' : 'B → A'} ${l.upstream.href}`).join(', ');
    const kit = kitReports(target);
    const log = values.log === undefined ? undefined : jsonLinesReporter(values.log);
    const live = values.quiet
      ? { exchange: (e: Parameters<typeof exchangeLine>[0]) => void (e.violations.length > 0 && stdout.write(`${exchangeLine(e, stdout.style)}\n`)), late: consoleReporter(stdout).late }
      : consoleReporter(stdout);
    const running = await startProxy({ legs, enforce: values.enforce ?? false, reportTimeoutMs, reporters: [live, summary, kit, ...(log ? [log] : [])], ...(metrics && { metrics }) });
    for (const leg of running.legs) stderr.write(`${stderr.style.dim(`${leg.leg === 'a-to-b' ? 'A → B' : 'B → A'}: listening at ${leg.url}, forwarding to ${legs.find((l) => l.leg === leg.leg)!.upstream.origin}`)}\n`);
    if (running.metricsUrl) stderr.write(`${stderr.style.dim(`metrics at ${running.metricsUrl}`)}\n`);
    stderr.write(`${stderr.style.dim(`${values.enforce ? 'enforce' : 'watch'} mode; Ctrl-C or SIGTERM to stop and write the summary`)}\n`);

    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => resolve(name));
    });
    stderr.write(`${stderr.style.dim(`${signal}: stopping (exchanges in flight get ${graceMs} ms)`)}\n`);
    for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => process.exit(1));
    await running.close(graceMs);
    await log?.close();
    for (const { file, kind } of reports) {
      await writeFile(file, kind === 'junit' ? kit.junit() : kit.html());
      stderr.write(`${stderr.style.dim(`wrote ${kind === 'junit' ? 'JUnit XML' : 'HTML'} report ${file}`)}\n`);
    }
    stdout.write(`\n${summary.render(stdout.style)}`);
    // A keep-alive socket of a hung upstream must not hold the process once the reports are out.
    setTimeout(() => process.exit(), 1000).unref();
    return summary.violations > 0 ? 1 : 0;
  },
};
