// The proxy's judgement of a link: every exchange of both legs, in the order the proxy finished
// them, checked against the documents and by the rules across messages, then handed to the
// reporters. Ops still waiting for their report are swept on a timer and at the end.
import { replyViolations, requestViolations, type ProxiedOperation } from './document-check.ts';
import { LinkState, type StateLimits, defaultLimits } from './link-state.ts';
import { rules } from './rules/catalog.ts';
import { batchRules } from './rules/batches.ts';
import { bindingRules } from './rules/bindings.ts';
import { ReportRules } from './rules/reports.ts';
import { tokenRules } from './rules/tokens.ts';
import type { Exchange, Violation } from './types.ts';

/** Where judged exchanges go: the console line, the JSON-lines log, the reports, the metrics. */
export interface Reporter {
  exchange(exchange: Exchange): void;
  /** A violation found after the exchange was reported (an op whose report never came). */
  late(exchange: Exchange, violation: Violation): void;
}

export interface WatchOptions {
  reportTimeoutMs: number;
  limits?: Partial<StateLimits>;
}

export class Watch {
  readonly state: LinkState;
  readonly #reports: ReportRules;
  readonly #reporters: Reporter[] = [];
  readonly #sweeper: NodeJS.Timeout;
  #seq = 0;

  constructor(options: WatchOptions) {
    this.state = new LinkState({ ...defaultLimits, ...options.limits });
    this.#reports = new ReportRules(this.state, options.reportTimeoutMs);
    // Often enough that a late op is reported close to its deadline; never holds the process.
    this.#sweeper = setInterval(() => this.sweep(Date.now()), Math.max(25, Math.min(1000, options.reportTimeoutMs / 4)));
    this.#sweeper.unref();
  }

  add(reporter: Reporter): this {
    this.#reporters.push(reporter);
    return this;
  }

  /** Judges one exchange, then reports it. */
  judge(exchange: Exchange, op: ProxiedOperation | undefined, tls: boolean): void {
    this.#seq += 1;
    exchange.seq = this.#seq;
    const v = exchange.violations;
    if (!op) v.push({ rule: rules.path.id, clause: rules.path.clause, message: `no interface of the standard at ${exchange.path}`, words: rules.path.requires });
    else v.push(...requestViolations(op, exchange.request, tls));
    if (exchange.failure !== undefined && !exchange.refused) v.push({ rule: rules.upstream.id, clause: rules.upstream.clause, message: exchange.failure, words: rules.upstream.requires });
    if (op && exchange.reply) {
      v.push(...replyViolations(op, exchange.reply.status, exchange.reply));
      v.push(...tokenRules(exchange, this.state), ...bindingRules(exchange, this.state), ...batchRules(exchange), ...this.#reports.observe(exchange));
    }
    for (const reporter of this.#reporters) reporter.exchange(exchange);
  }

  /** Reports the ops whose report is overdue; at the end (`final`), forgets those still in their window. */
  sweep(now: number, final = false): void {
    for (const { exchange, violation } of this.#reports.sweep(now, final)) {
      exchange.violations.push(violation);
      for (const reporter of this.#reporters) reporter.late(exchange, violation);
    }
  }

  /** Ops accepted but not awaited because too many were waiting. */
  get droppedOps(): number {
    return this.#reports.droppedOps;
  }

  close(): void {
    clearInterval(this.#sweeper);
    this.sweep(Date.now(), true);
  }
}
