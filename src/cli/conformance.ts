// `cloud-interop conformance`: runs the CHEAA conformance kit (conformance/*.arazzo.yaml through
// Redocly Respect) against a vendor cloud and reports by clause on the console, in JUnit XML and
// in a self-contained HTML file.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exampleFixturesFile } from '../conformance/files.ts';
import { FixturesError, loadFixtures } from '../conformance/fixtures.ts';
import { renderHtml } from '../conformance/html.ts';
import { renderJUnit } from '../conformance/junit.ts';
import { runConformance, type MtlsFiles } from '../conformance/run.ts';
import { renderTable } from '../conformance/table.ts';
import type { Role } from '../conformance/types.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';

const help = `Usage: cloud-interop conformance --target <baseUrl> --role platform|partner [options]

Checks that a cloud implements the CHEAA smart-appliance cloud-to-cloud standard correctly: the
standard's flows as Arazzo workflows (conformance/*.arazzo.yaml) run by Redocly Respect against
the cloud, every check tagged with the clause it proves. conformance/README.md explains how to
configure the cloud for the kit, the fixtures file and every check.

Roles:
  platform   the cloud is a B platform (login, bind, list, info, status, op, logout, unregister);
             the kit plays its A partner and hosts user verify (7.1.4) and the data gateway
             (7.2.8) on --partner-port while it runs
  partner    the cloud is an A platform: the kit calls its user verify and data gateway

Options:
  --target <url>          the cloud's base URL with the apiVersion, e.g. https://cloud.example.com/v1
  --role <role>           platform or partner
  --fixtures <file>       the fixtures file (default conformance/fixtures.example.json, which
                          fits conformance/reference-platform.yaml)
  --mtls cert=<pem>,key=<pem>,ca=<pem>
                          mutual TLS (clause 6.6.1.1): the kit's certificate and key (client
                          towards the cloud, server of its partner interfaces) and the CA of the
                          cloud's certificate; the PlatID/AppID header checks are then skipped
  --partner-port <port>   role platform: where the kit's partner interfaces listen (default 8099)
  --partner-host <host>   role platform: the address they listen on (default 127.0.0.1)
  --report <file>         write a report: .xml for JUnit XML, .html for HTML; repeatable
  --report-wait <ms>      how long to wait for the 7.2.8 report of the device operation (default 5000)
  --json                  print the result as JSON instead of the table
  -h, --help              show this help

Tokens are masked as ******** in everything the kit prints and writes.
Exit status: 0 when no check failed, 1 when one did, 2 for wrong arguments.

Example (the reference platform configured for the kit):
  npm start -- --config conformance/reference-platform.yaml &
  cloud-interop conformance --target http://127.0.0.1:8081/v1 --role platform --report report.html
`;

function parseMtls(value: string): MtlsFiles {
  const parts = Object.fromEntries(
    value.split(',').map((part) => {
      const at = part.indexOf('=');
      if (at < 1) throw new UsageError(`--mtls: expected cert=<pem>,key=<pem>,ca=<pem>, got "${part}"`);
      return [part.slice(0, at).trim(), path.resolve(part.slice(at + 1).trim())];
    }),
  ) as Record<string, string>;
  const { cert, key, ca } = parts;
  if (!cert || !key || !ca) throw new UsageError('--mtls needs cert=<pem>,key=<pem>,ca=<pem>');
  return { cert, key, ca };
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--partner-port: ${value} is not a port`);
  return port;
}

function reportKind(file: string): 'junit' | 'html' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xml') return 'junit';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new UsageError(`--report ${file}: give a .xml (JUnit) or .html file`);
}

export const conformance: Command = {
  help,
  async run(args, { stdout, stderr }) {
    const { values, positionals } = parseCommandArgs(args, {
      options: {
        target: { type: 'string' },
        role: { type: 'string' },
        fixtures: { type: 'string' },
        mtls: { type: 'string' },
        'partner-port': { type: 'string' },
        'partner-host': { type: 'string' },
        report: { type: 'string', multiple: true },
        'report-wait': { type: 'string' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]!}`);
    if (!values.target) throw new UsageError('give the cloud to check with --target <baseUrl>');
    let target: URL;
    try {
      target = new URL(values.target);
    } catch {
      throw new UsageError(`--target ${values.target} is not a URL`);
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new UsageError('--target must be an http or https URL');
    if (values.role !== 'platform' && values.role !== 'partner') throw new UsageError('give --role platform or --role partner');
    const role: Role = values.role;
    const reports = (values.report ?? []).map((file) => ({ file, kind: reportKind(file) }));
    const reportWaitMs = values['report-wait'] === undefined ? undefined : Number(values['report-wait']);
    if (reportWaitMs !== undefined && !(Number.isInteger(reportWaitMs) && reportWaitMs >= 0)) throw new UsageError('--report-wait takes milliseconds');
    let fixtures;
    try {
      fixtures = loadFixtures(values.fixtures ?? exampleFixturesFile, role);
    } catch (error) {
      if (error instanceof FixturesError) throw new UsageError(error.message);
      throw error;
    }

    const result = await runConformance({
      role,
      target: values.target.replace(/\/+$/, ''),
      fixtures,
      ...(values.mtls ? { mtls: parseMtls(values.mtls) } : {}),
      partnerPort: parsePort(values['partner-port'], 8099),
      ...(values['partner-host'] ? { partnerHost: values['partner-host'] } : {}),
      ...(reportWaitMs !== undefined ? { reportWaitMs } : {}),
      onProgress: (line) => stderr.write(`${stderr.style.dim(line)}\n`),
    });
    stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderTable(result, stdout.style));
    for (const { file, kind } of reports) {
      await writeFile(file, kind === 'junit' ? renderJUnit(result) : renderHtml(result));
      stderr.write(`${stderr.style.dim(`wrote ${kind === 'junit' ? 'JUnit XML' : 'HTML'} report ${file}`)}\n`);
    }
    return result.checks.some((c) => c.status === 'fail') ? 1 : 0;
  },
};
