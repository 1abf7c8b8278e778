// The live console: one line per exchange (time, direction, clause, operationId, HTTP status and
// RetCode, latency, verdict), each violation indented under it with its rule and clause.
import type { Output } from '../../terminal.ts';
import type { Exchange, Violation } from '../types.ts';
import type { Reporter } from '../watch.ts';
import { direction } from './masked.ts';

const clock = (at: number) => new Date(at).toISOString().slice(11, 23);

export function exchangeLine(exchange: Exchange, style: Output['style']): string {
  const result = exchange.reply ? `${exchange.reply.status} ${exchange.retCode ?? '-'}` : exchange.refused ? 'refused' : 'no reply';
  const verdict = exchange.violations.length === 0 ? style.green('ok') : style.red(`✗ ${exchange.violations.length} violation${exchange.violations.length === 1 ? '' : 's'}`);
  const head = `${clock(exchange.at)} #${exchange.seq} ${direction(exchange)} ${exchange.clause.padEnd(7)} ${(exchange.operationId ?? exchange.path).padEnd(24)} ${result.padEnd(9)} ${`${exchange.latencyMs.toFixed(1)} ms`.padStart(9)}  ${verdict}`;
  return [head, ...exchange.violations.map((v) => violationLine(v, style))].join('\n');
}

const violationLine = (v: Violation, style: Output['style']) => `    ${style.red(v.rule)} [${v.clause}] ${v.message}${v.words ? style.dim(` — ${v.words}`) : ''}`;

export function consoleReporter(out: Output): Reporter {
  return {
    exchange: (exchange) => out.write(`${exchangeLine(exchange, out.style)}\n`),
    late: (exchange, violation) => out.write(`${clock(Date.now())} #${exchange.seq} late: ${violationLine(violation, out.style).trimStart()}\n`),
  };
}
