// Ratios measured back to back. The machine is shared (other work runs on the same two cores),
// so a baseline measured a minute before its subject can be off by half. Here a subject and its
// baseline are both up, each idle while the other is loaded, and take turns in slices of a few
// seconds; a ratio is the median of the per-slice ratios, the absolute figures pool the slices.
import type { ServerChild } from './child.ts';
import type { Settings } from './context.ts';
import { mergeLoads, runLoad, type LoadOptions, type LoadResult } from './load.ts';

export type LoadTarget = Omit<LoadOptions, 'connections' | 'durationSeconds'>;

/** A server and the load aimed at it. */
export interface Contender {
  child: ServerChild;
  load: LoadTarget;
}

/** A server's figures over its slices, with the CPU it spent per successful request. */
export type Measured = LoadResult & { cpuUsPerRequest: number };

export interface PairedResult {
  baseline: Measured;
  subject: Measured;
  /** Median over slices of subject req/s ÷ baseline req/s. */
  rpsRatio: number;
  /** The lowest and highest slice ratio: how much the machine's other work moved the figure. */
  rpsRatioRange: [number, number];
  /** Successful subject requests of the warm-up, which also changed state (op). */
  subjectWarmupOk: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Slices of about 2.5 s: a 10 s measurement is four turns each, and the median ignores one bad slice. */
export const roundsFor = (durationSeconds: number) => Math.max(1, Math.round(durationSeconds / 2.5));

/** A load run and the CPU the server spent during it: less disturbed by other work than req/s. */
async function timed(contender: Contender, connections: number, durationSeconds: number): Promise<{ run: LoadResult; cpu: number }> {
  const before = contender.child.cpuSeconds();
  const run = await runLoad({ ...contender.load, connections, durationSeconds });
  return { run, cpu: contender.child.cpuSeconds() - before };
}

function measured(runs: { run: LoadResult; cpu: number }[]): Measured {
  const merged = mergeLoads(runs.map((r) => r.run));
  const cpu = runs.reduce((n, r) => n + r.cpu, 0);
  return { ...merged, cpuUsPerRequest: (cpu * 1e6) / Math.max(1, merged.requests - merged.non2xx) };
}

export async function paired(settings: Settings, baseline: Contender, subject: Contender, profile?: { file: string }): Promise<PairedResult> {
  const { connections, warmupSeconds, durationSeconds } = settings;
  const rounds = roundsFor(durationSeconds);
  const slice = durationSeconds / rounds;
  let subjectWarmupOk = 0;
  if (warmupSeconds > 0) {
    await runLoad({ ...baseline.load, connections, durationSeconds: warmupSeconds });
    const warm = await runLoad({ ...subject.load, connections, durationSeconds: warmupSeconds });
    subjectWarmupOk = warm.requests - warm.non2xx;
  }
  const baselineRuns: { run: LoadResult; cpu: number }[] = [];
  const subjectRuns: { run: LoadResult; cpu: number }[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const base = await timed(baseline, connections, slice);
    if (profile && round === 0) await subject.child.call('profileStart');
    const sub = await timed(subject, connections, slice);
    baselineRuns.push(base);
    subjectRuns.push(sub);
    ratios.push(sub.run.rps / base.run.rps);
  }
  if (profile) await subject.child.call('profileStop', profile.file);
  return {
    baseline: measured(baselineRuns),
    subject: measured(subjectRuns),
    rpsRatio: median(ratios),
    rpsRatioRange: [Math.min(...ratios), Math.max(...ratios)],
    subjectWarmupOk,
  };
}
