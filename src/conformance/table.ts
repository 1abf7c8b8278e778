// The console report: every check grouped by clause, and for each failure the request, the reply
// and what the standard requires.
import { compareClauses, countStatuses, type CheckResult, type ConformanceResult } from './types.ts';

/** Colours are the caller's (the CLI's, which knows whether stdout is a terminal). */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
}

const plain: Paint = { bold: (t) => t, dim: (t) => t, red: (t) => t, green: (t) => t };

const label = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

/** A JSON body on one line, cut to `max` characters. */
export function compactJson(value: unknown, max = 400): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) return '(none)';
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/**
 * One line for a Respect failure message. Schema check messages are code frames (numbered lines
 * of the reply, a `>` on the offending one and a pointer with the problem); keep the offending line
 * and the problem of each.
 */
export function oneLine(message: string): string {
  const lines = message.split('\n');
  const problems: string[] = [];
  lines.forEach((line, i) => {
    const offending = /^>\s*\d+\s*\|(.*)$/.exec(line);
    const pointer = lines[i + 1]?.match(/\^+\s*\S*\s+(.*)$/);
    if (offending && pointer) problems.push(`${offending[1]!.trim()} ← ${pointer[1]!.trim()}`);
  });
  if (problems.length > 0) return problems.join('; ');
  return lines.map((l) => l.trim()).filter(Boolean).join(' ');
}

function details(check: CheckResult, indent: string, paint: Paint): string[] {
  const lines: string[] = [];
  const row = (name: string, text: string) => lines.push(`${indent}${paint.dim(name.padEnd(9))} ${text}`);
  const exchange = check.exchange;
  if (exchange) {
    row('request', `${exchange.request.method} ${exchange.request.url || '(URL not recorded)'}`);
    const headers = Object.entries(exchange.request.headers)
      .filter(([name]) => !['content-type', 'accept'].includes(name))
      .map(([name, value]) => `${name}: ${value}`)
      .join(', ');
    if (headers) row('', headers);
    if (exchange.request.body !== undefined) row('', compactJson(exchange.request.body));
    row('response', exchange.response ? `HTTP ${exchange.response.statusCode} ${compactJson(exchange.response.body)}` : '(no reply)');
  }
  for (const failure of check.failures) row('failed', `${failure.check}: ${oneLine(failure.message)}`);
  if (check.requires) row('requires', check.requires);
  if (check.hint) row('hint', check.hint);
  return lines;
}

export function renderTable(result: ConformanceResult, paint: Paint = plain): string {
  const checks = [...result.checks].sort((a, b) => compareClauses(a.clause, b.clause));
  const idWidth = Math.max(...checks.map((c) => c.id.length));
  const lines = [paint.bold(`CHEAA cloud-to-cloud conformance — role ${result.role} — ${result.target}`), ''];
  lines.push(paint.dim(`${'clause'.padEnd(8)} ${'result'.padEnd(6)} ${'check'.padEnd(idWidth)}  what it proves`));
  let clause: string | undefined;
  for (const check of checks) {
    const shownClause = check.clause === clause ? '' : check.clause;
    clause = check.clause;
    const status = check.status === 'pass' ? paint.green(label.pass) : check.status === 'fail' ? paint.red(label.fail) : paint.dim(label.skip);
    lines.push(`${shownClause.padEnd(8)} ${status}${' '.repeat(6 - 4)} ${check.id.padEnd(idWidth)}  ${check.title}`);
    const indent = ' '.repeat(16);
    if (check.status === 'skip' && check.reason) lines.push(`${indent}${paint.dim(`skipped: ${check.reason}`)}`);
    if (check.status === 'fail') lines.push(...details(check, indent, paint));
  }
  lines.push('');
  if (result.reports) {
    const r = result.reports.byDataType;
    const part = (name: string, c: { received: number; valid: number }) => `${name} ${c.received}${c.received > 0 ? ` (${c.valid} valid)` : ''}`;
    const other = r.other.received > 0 ? ` · ${part('unknown DataType', r.other)}` : '';
    lines.push(`Reports at the kit's data gateway: ${part('attr', r.attr)} · ${part('alarm', r.alarm)} · ${part('onOffline', r.onOffline)}${other}`);
  }
  // The likely causes last, above the totals: the end of the output is what a terminal shows.
  if (result.causes?.length) {
    lines.push(paint.bold(result.causes.length > 1 ? 'Likely causes:' : 'Likely cause:'), ...result.causes.map((c) => `  - ${c}`), '');
  }
  const counts = countStatuses(result.checks);
  const summary = `${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped in ${(result.durationMs / 1000).toFixed(1)} s (Respect ${(result.respectMs / 1000).toFixed(1)} s)`;
  lines.push(counts.fail > 0 ? paint.red(summary) : paint.green(summary), '');
  return lines.join('\n');
}
