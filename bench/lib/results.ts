// The run's results as committed: bench/results/latest.json (everything), latest.md (the
// tables) and ratios.svg (the chart for the docs site). One run only, so the directory stays small.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DeliveryRow } from '../scenarios/delivery.ts';
import type { ScaleRow } from '../scenarios/scale.ts';
import { ratioChart } from './chart.ts';
import { markdown } from './markdown.ts';
import type { ThroughputRow } from '../scenarios/throughput.ts';

export interface Results {
  generatedAt: string;
  finishedAt: string;
  commit: string;
  dirty: boolean;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; kernel: string; loadAverage: { start: number[]; end: number[] } };
  settings: object;
  nodes: { label: string; version: string }[];
  throughput: ThroughputRow[];
  delivery: DeliveryRow[];
  scale: ScaleRow[];
}

const dir = fileURLToPath(new URL('../results/', import.meta.url));

/** Rounds floats so the committed JSON diffs by figures, not by noise digits. */
function rounded(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
}

export async function writeResults(results: Results, options: { write: boolean }): Promise<{ markdown: string; files: string[] }> {
  const text = markdown(results);
  if (!options.write) return { markdown: text, files: [] };
  await mkdir(dir, { recursive: true });
  const files = { 'latest.json': `${JSON.stringify(results, rounded, 2)}\n`, 'latest.md': text, 'ratios.svg': ratioChart(results) };
  for (const [name, content] of Object.entries(files)) await writeFile(`${dir}${name}`, content);
  return { markdown: text, files: Object.keys(files).map((name) => `bench/results/${name}`) };
}
