// The ratios as a self-contained SVG for the docs site: one bar per Node for every platform
// scenario, against bare Express and against bare node:http, with the aims marked. No fonts,
// scripts or links outside the file.
import type { ThroughputRow } from '../scenarios/throughput.ts';
import { aims, type Ratios } from './ratios.ts';
import type { Results } from './results.ts';

const colours = ['#1f6feb', '#d97706', '#059669', '#9333ea'];
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Category {
  label: string;
  aim?: number;
  rows: (ThroughputRow | undefined)[];
}

function categories(results: Results): Category[] {
  const scenarios = results.throughput.filter((r) => r.subject !== 'node:http' && r.subject !== 'express');
  const keys = [...new Map(scenarios.map((r) => [`${r.subject}|${r.store}|${r.transport}`, r])).values()];
  return keys.map((k) => ({
    label: `${k.subject}${k.store === 'none' ? '' : ` · ${k.store}`} · ${k.transport === 'mtls' ? 'mTLS' : 'HTTP'}`,
    aim: k.store === 'postgres' ? aims[k.subject as keyof typeof aims] : undefined,
    rows: results.nodes.map((n) => results.throughput.find((r) => r.node === n.label && r.subject === k.subject && r.store === k.store && r.transport === k.transport)),
  }));
}

const labelWidth = 260;
const plotWidth = 440;
const barHeight = 11;
const groupGap = 9;

function panel(title: string, cats: Category[], nodes: number, pick: (r: ThroughputRow) => Ratios | undefined, top: number, showAims: boolean): { svg: string; height: number } {
  const max = Math.max(1, ...cats.flatMap((c) => c.rows.map((r) => (r && pick(r)?.rps) ?? 0)));
  const scale = Math.ceil(max * 5) / 5;
  const x = (v: number) => labelWidth + (v / scale) * plotWidth;
  const groupHeight = nodes * barHeight + groupGap;
  const plotTop = top + 30;
  const plotHeight = cats.length * groupHeight;
  const parts: string[] = [`<text x="10" y="${top + 16}" font-size="14" font-weight="bold">${escape(title)}</text>`];
  for (let v = 0; v <= scale + 1e-9; v += 0.2) {
    const gx = x(v);
    parts.push(`<line x1="${gx}" y1="${plotTop}" x2="${gx}" y2="${plotTop + plotHeight}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${gx}" y="${plotTop + plotHeight + 14}" font-size="10" text-anchor="middle" fill="#555">${v.toFixed(1)}×</text>`);
  }
  parts.push(`<line x1="${x(1)}" y1="${plotTop}" x2="${x(1)}" y2="${plotTop + plotHeight}" stroke="#6b7280" stroke-width="1.5"/>`);
  cats.forEach((c, i) => {
    const gy = plotTop + i * groupHeight + groupGap / 2;
    parts.push(`<text x="${labelWidth - 8}" y="${gy + (nodes * barHeight) / 2 + 4}" font-size="11" text-anchor="end">${escape(c.label)}</text>`);
    c.rows.forEach((r, j) => {
      const value = r && pick(r)?.rps;
      if (value === undefined) return;
      const y = gy + j * barHeight;
      parts.push(`<rect x="${labelWidth}" y="${y}" width="${Math.max(1, x(value) - labelWidth)}" height="${barHeight - 2}" fill="${colours[j % colours.length]}"/>`);
      parts.push(`<text x="${x(value) + 4}" y="${y + barHeight - 3}" font-size="9" fill="#333">${value.toFixed(2)}</text>`);
    });
    if (showAims && c.aim !== undefined) {
      const ax = x(c.aim);
      parts.push(`<line x1="${ax}" y1="${gy - 2}" x2="${ax}" y2="${gy + nodes * barHeight}" stroke="#dc2626" stroke-width="2" stroke-dasharray="3,2"/>`);
    }
  });
  return { svg: parts.join('\n'), height: plotHeight + 50 };
}

export function ratioChart(results: Results): string {
  const cats = categories(results);
  const width = labelWidth + plotWidth + 60;
  const first = panel('Requests per second × bare Express (same Node, same transport, same run)', cats, results.nodes.length, (r) => r.vsExpress, 40, true);
  const second = panel('Requests per second × bare node:http', cats, results.nodes.length, (r) => r.vsNodeHttp, 40 + first.height, false);
  const legendY = 40 + first.height + second.height + 6;
  const legend = results.nodes
    .map((n, j) => `<rect x="${10 + j * 170}" y="${legendY}" width="12" height="12" fill="${colours[j % colours.length]}"/><text x="${28 + j * 170}" y="${legendY + 10}" font-size="11">${escape(`${n.label} (${n.version})`)}</text>`)
    .join('\n');
  const aimLegend = `<line x1="${10 + results.nodes.length * 170}" y1="${legendY + 6}" x2="${30 + results.nodes.length * 170}" y2="${legendY + 6}" stroke="#dc2626" stroke-width="2" stroke-dasharray="3,2"/><text x="${36 + results.nodes.length * 170}" y="${legendY + 10}" font-size="11">aim on PostgreSQL</text>`;
  const m = results.machine;
  const footer = `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB; load ${m.loadAverage.start.join('/')}; commit ${results.commit.slice(0, 10)}; ${results.generatedAt.slice(0, 10)}`;
  const height = legendY + 40;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">
<title>cloud-interop platform throughput as ratios to bare Express and bare node:http</title>
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="22" font-size="16" font-weight="bold">cloud-interop reference platform: throughput ratios</text>
${first.svg}
${second.svg}
${legend}
${aimLegend}
<text x="10" y="${legendY + 30}" font-size="10" fill="#555">${escape(footer)}</text>
</svg>
`;
}
