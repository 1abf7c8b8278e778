// The summary at exit, by clause of the standard: how many exchanges each clause's interfaces saw
// and how many violations were tagged with it, by rule.
import { clauseTitles } from '../../conformance/clauses.ts';
import { compareClauses } from '../../conformance/types.ts';
import type { Output } from '../../terminal.ts';
import type { Reporter } from '../watch.ts';

export interface ClauseTally {
  exchanges: number;
  violations: number;
  byRule: Record<string, number>;
}

export interface Summary extends Reporter {
  readonly byClause: ReadonlyMap<string, ClauseTally>;
  readonly exchanges: number;
  readonly violations: number;
  render(style: Output['style']): string;
}

export function summaryReporter(): Summary {
  const byClause = new Map<string, ClauseTally>();
  let exchanges = 0;
  let violations = 0;
  const tally = (clause: string) => {
    let found = byClause.get(clause);
    if (!found) byClause.set(clause, (found = { exchanges: 0, violations: 0, byRule: {} }));
    return found;
  };
  const count = (clause: string, rule: string) => {
    const t = tally(clause);
    t.violations += 1;
    t.byRule[rule] = (t.byRule[rule] ?? 0) + 1;
    violations += 1;
  };
  return {
    byClause,
    get exchanges() {
      return exchanges;
    },
    get violations() {
      return violations;
    },
    exchange(exchange) {
      exchanges += 1;
      tally(exchange.clause).exchanges += 1;
      for (const v of exchange.violations) count(v.clause, v.rule);
    },
    late: (_exchange, violation) => count(violation.clause, violation.rule),
    render(style) {
      const lines = [style.bold('By clause'), style.dim(`${'clause'.padEnd(8)} ${'exchanges'.padStart(9)} ${'violations'.padStart(10)}  rules`)];
      for (const clause of [...byClause.keys()].sort(compareClauses)) {
        const t = byClause.get(clause)!;
        const rules = Object.entries(t.byRule).map(([rule, n]) => `${rule} ×${n}`).join(', ');
        const title = clauseTitles[clause] ? style.dim(` ${clauseTitles[clause]}`) : '';
        lines.push(`${clause.padEnd(8)} ${String(t.exchanges).padStart(9)} ${(t.violations > 0 ? style.red : (s: string) => s)(String(t.violations).padStart(10))}  ${rules || title.trim()}`);
      }
      const total = `${exchanges} exchanges, ${violations} violations`;
      lines.push('', violations > 0 ? style.red(total) : style.green(total), '');
      return lines.join('\n');
    },
  };
}
