// The demo's narration: one line per step with the time since the start, who talks to whom, the
// interface (and its clause) and the outcome. A step that throws is marked failed and ends its
// scenario; the demo's exit status comes from `failures`.
import type { Output } from '../terminal.ts';

export interface Step {
  /** "A → B", "B → A", "A" … */
  route: string;
  /** The interface and its clause, e.g. "7.1.1 user/login". */
  api: string;
  /** What happens, in words. */
  what: string;
}

export class Timeline {
  readonly failures: string[] = [];
  readonly #out: Output;
  readonly #start = performance.now();

  constructor(out: Output) {
    this.#out = out;
  }

  #line(mark: string, step: Step, outcome: string) {
    const { style } = this.#out;
    const ms = `+${Math.round(performance.now() - this.#start)} ms`.padStart(10);
    this.#out.write(`${style.dim(ms)}  ${mark} ${style.bold(step.route.padEnd(6))} ${step.api.padEnd(34)} ${step.what}${outcome ? ` — ${outcome}` : ''}\n`);
  }

  heading(text: string) {
    this.#out.write(`\n${this.#out.style.bold(text)}\n`);
  }

  /** Runs one step; `outcome` describes its result. A failure is recorded and rethrown. */
  async step<T>(step: Step, run: () => Promise<T>, outcome: (value: T) => string = () => 'ok'): Promise<T> {
    const { style } = this.#out;
    let value: T;
    try {
      value = await run();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.failures.push(`${step.api}: ${step.what}: ${reason}`);
      this.#line(style.red('✗'), step, style.red(reason));
      throw new StepFailed(reason);
    }
    this.#line(style.green('✓'), step, outcome(value));
    return value;
  }

  /** A failure outside any step (setup, a scenario cut short). */
  fail(what: string, error: unknown) {
    if (error instanceof StepFailed) return;
    const reason = error instanceof Error ? error.message : String(error);
    this.failures.push(`${what}: ${reason}`);
    this.#out.write(`${this.#out.style.red(`✗ ${what}: ${reason}`)}\n`);
  }
}

/** Thrown by a failed step after it was narrated, so the scenario stops without a second message. */
export class StepFailed extends Error {}
