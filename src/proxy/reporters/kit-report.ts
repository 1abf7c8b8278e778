// The conformance kit's JUnit XML and HTML reports of what the proxy saw: one check per exchange
// (passed when it broke no rule), classed by clause, with its request and reply, tokens masked.
// Bounded: the last `keep` passing and the first `keep` failing exchanges are kept.
import { renderHtml } from '../../conformance/html.ts';
import { renderJUnit } from '../../conformance/junit.ts';
import type { CheckResult, ConformanceResult } from '../../conformance/types.ts';
import { ruleById } from '../rules/catalog.ts';
import type { Exchange } from '../types.ts';
import type { Reporter } from '../watch.ts';
import { direction, masked } from './masked.ts';

export interface KitReports extends Reporter {
  result(): ConformanceResult;
  junit(): string;
  html(): string;
}

function checkOf(exchange: Exchange): CheckResult {
  const shown = masked(exchange);
  const failed = shown.violations.length > 0;
  const first = shown.violations[0];
  return {
    id: `proxy.${shown.seq}.${shown.operationId ?? 'unknown'}`,
    clause: shown.clause,
    title: `${direction(shown)} ${shown.method} ${shown.path}${shown.reply ? ` → HTTP ${shown.reply.status}${shown.retCode ? ` RetCode ${shown.retCode}` : ''}` : ' (no reply)'}`,
    requires: first ? `${ruleById.get(first.rule)?.requires ?? ''}${first.words && first.words !== ruleById.get(first.rule)?.requires ? ` (${first.words})` : ''}` : '',
    status: failed ? 'fail' : 'pass',
    ...(failed && { reason: `${first!.rule} [${first!.clause}]: ${first!.message}` }),
    failures: shown.violations.map((v) => ({ check: `${v.rule} [${v.clause}]`, message: `${v.message}${v.words ? `\n${v.words}` : ''}` })),
    exchange: {
      request: { method: shown.method, url: shown.path, headers: shown.request.headers, ...(shown.request.body !== undefined && { body: shown.request.body }) },
      ...(shown.reply && { response: { statusCode: shown.reply.status, headers: shown.reply.headers, body: shown.reply.body } }),
    },
    durationMs: shown.latencyMs,
    // An exchange seen proves no requirement by itself: the ids of requirements.ts are proved by the kit's checks.
    proves: [],
  };
}

export function kitReports(target: string, keep = 2000): KitReports {
  const startedAt = new Date();
  const passed: Exchange[] = [];
  const failed: Exchange[] = [];
  let dropped = 0;
  const file = (exchange: Exchange) => {
    if (exchange.violations.length === 0) {
      passed.push(exchange);
      if (passed.length > keep) (passed.shift(), (dropped += 1));
    } else if (failed.length < keep) failed.push(exchange);
    else dropped += 1;
  };
  const result = (): ConformanceResult => ({
    role: 'platform',
    heading: { suite: 'cheaa-proxy', title: 'CHEAA cloud-to-cloud interop watch (proxy)', note: dropped > 0 ? `${dropped} exchanges beyond the report's bound are left out.` : '' },
    target,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    checks: [...failed, ...passed.filter((e) => e.violations.length === 0)].sort((a, b) => a.seq - b.seq).map(checkOf),
    respectMs: 0,
  });
  return {
    exchange: file,
    // The exchange object is the one filed: it now carries the late violation; a passing one moves.
    late(exchange) {
      const at = passed.indexOf(exchange);
      if (at !== -1) passed.splice(at, 1);
      if (!failed.includes(exchange) && failed.length < keep) failed.push(exchange);
    },
    result,
    junit: () => renderJUnit(result()),
    html: () => renderHtml(result()),
  };
}
