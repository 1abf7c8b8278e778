// Renders a parsed sequence diagram to a standalone SVG at build time, with no browser: text
// widths are estimated from character classes (CJK characters are one em wide, others about
// 0.6 em), which errs on the wide side so labels never overflow their arrows or boxes.
import { escapeHtml as esc } from './html.ts';
import { type Block, type Message, type Note, type SequenceDiagram, type Step, parseSequence } from './sequence-parse.ts';

const FONT_SIZE = 14;
const LINE_HEIGHT = 18;
const PAD = 10;
const MIN_BOX_WIDTH = 110;
const MIN_GAP = 150;
const SELF_WIDTH = 32;
const NOTE_OVERHANG = 24;
const BLOCK_PAD = 14;
const BLOCK_HEADER = 24;
const MARGIN = 12;
const FONT_FAMILY = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'PingFang SC', 'Microsoft YaHei', sans-serif`;
const INK = '#1f2937';

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Estimated width in pixels of one line of text at `size`. */
export function textWidth(line: string, size = FONT_SIZE): number {
  let ems = 0;
  for (const ch of line) ems += WIDE.test(ch) ? 1 : 0.6;
  return ems * size;
}

const widest = (lines: string[], size = FONT_SIZE): number => Math.max(0, ...lines.map((l) => textWidth(l, size)));
const r = (v: number): number => Math.round(v * 10) / 10;

interface Extent {
  min: number;
  max: number;
}
const union = (a: Extent | undefined, b: Extent): Extent => (a ? { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) } : b);

function walk(steps: Step[], visit: (step: Message | Note) => void): void {
  for (const step of steps) {
    if (step.kind === 'block') step.sections.forEach((s) => walk(s.steps, visit));
    else visit(step);
  }
}

/** Centres of the lifelines: wide enough apart for every label that runs between them. */
function layoutColumns(d: SequenceDiagram): { centre: Map<string, number>; boxWidth: number[] } {
  const index = new Map(d.participants.map((p, i) => [p.id, i]));
  const boxWidth = d.participants.map((p) => Math.max(MIN_BOX_WIDTH, widest(p.label) + 2 * PAD));
  const gaps = boxWidth.slice(1).map((w, i) => Math.max(MIN_GAP, (boxWidth[i]! + w) / 2 + 2 * PAD));
  // Makes the lifelines `from` and `to` at least `need` apart, spreading the growth over the gaps between.
  const widen = (from: number, to: number, need: number) => {
    if (from < 0 || to > gaps.length || to <= from) return;
    const have = gaps.slice(from, to).reduce((a, b) => a + b, 0);
    for (let i = from; i < to && have < need; i++) gaps[i]! += (need - have) / (to - from);
  };
  walk(d.steps, (step) => {
    const width = widest(step.text) + 2 * PAD;
    if (step.kind === 'message') {
      const [a, b] = [index.get(step.from)!, index.get(step.to)!];
      if (a === b) widen(a, a + 1, SELF_WIDTH + width + PAD);
      else widen(Math.min(a, b), Math.max(a, b), width + 2 * PAD);
    } else {
      const at = step.participants.map((id) => index.get(id)!);
      const [lo, hi] = [Math.min(...at), Math.max(...at)];
      // A note beside a lifeline needs its width before the next one; over several, the overhang helps.
      if (step.placement === 'left') widen(lo - 1, lo, width + 2 * PAD);
      else if (step.placement === 'right') widen(lo, lo + 1, width + 2 * PAD);
      else widen(lo, hi, width - 2 * NOTE_OVERHANG);
    }
  });
  const centre = new Map<string, number>();
  let x = boxWidth[0]! / 2;
  d.participants.forEach((p, i) => {
    centre.set(p.id, x);
    x += gaps[i] ?? 0;
  });
  return { centre, boxWidth };
}

class Drawing {
  readonly background: string[] = [];
  readonly foreground: string[] = [];
  extent: Extent = { min: 0, max: 0 };

  constructor(readonly id: string) {}

  include(e: Extent): void {
    this.extent = union(this.extent, e);
  }

  text(lines: string[], x: number, top: number, anchor: 'start' | 'middle', extra = ''): string {
    return lines
      .map((line, i) => `<text x="${r(x)}" y="${r(top + (i + 1) * LINE_HEIGHT - 5)}" text-anchor="${anchor}"${extra}>${esc(line)}</text>`)
      .join('');
  }
}

function drawMessage(g: Drawing, m: Message, centre: Map<string, number>, y: number): { y: number; extent: Extent } {
  const [x1, x2] = [centre.get(m.from)!, centre.get(m.to)!];
  const dash = m.style === 'reply' ? ' stroke-dasharray="6 4"' : '';
  const textHeight = m.text.length * LINE_HEIGHT;
  const labelWidth = widest(m.text);
  if (x1 === x2) {
    const top = y + 6;
    const height = Math.max(22, textHeight - 4);
    g.foreground.push(
      g.text(m.text, x1 + SELF_WIDTH + 8, y, 'start'),
      `<path d="M${r(x1)} ${r(top)} H${r(x1 + SELF_WIDTH)} V${r(top + height)} H${r(x1 + 2)}" fill="none" stroke="${INK}"${dash} marker-end="url(#${g.id}-arrow)"/>`,
    );
    return { y: top + height + 18, extent: { min: x1, max: x1 + SELF_WIDTH + 8 + labelWidth } };
  }
  const lineY = y + textHeight + 6;
  const mid = (x1 + x2) / 2;
  // Stop the line at the arrow tip so the head touches the lifeline.
  const end = x2 > x1 ? x2 - 1 : x2 + 1;
  g.foreground.push(
    g.text(m.text, mid, y, 'middle'),
    `<line x1="${r(x1)}" y1="${r(lineY)}" x2="${r(end)}" y2="${r(lineY)}" stroke="${INK}"${dash} marker-end="url(#${g.id}-arrow)"/>`,
  );
  return { y: lineY + 18, extent: { min: Math.min(x1, x2, mid - labelWidth / 2), max: Math.max(x1, x2, mid + labelWidth / 2) } };
}

function drawNote(g: Drawing, n: Note, centre: Map<string, number>, y: number): { y: number; extent: Extent } {
  const xs = n.participants.map((id) => centre.get(id)!);
  const width = widest(n.text) + 2 * PAD;
  const height = n.text.length * LINE_HEIGHT + PAD;
  let left: number;
  let right: number;
  if (n.placement === 'left') [left, right] = [xs[0]! - PAD - width, xs[0]! - PAD];
  else if (n.placement === 'right') [left, right] = [xs[0]! + PAD, xs[0]! + PAD + width];
  else {
    [left, right] = [Math.min(...xs) - NOTE_OVERHANG, Math.max(...xs) + NOTE_OVERHANG];
    const grow = Math.max(0, width - (right - left)) / 2;
    [left, right] = [left - grow, right + grow];
  }
  g.foreground.push(
    `<rect x="${r(left)}" y="${r(y)}" width="${r(right - left)}" height="${r(height)}" rx="3" fill="#fff8c5" stroke="#d4a72c"/>`,
    g.text(n.text, (left + right) / 2, y + PAD / 2, 'middle'),
  );
  return { y: y + height + 14, extent: { min: left, max: right } };
}

function drawBlock(g: Drawing, b: Block, centre: Map<string, number>, y: number): { y: number; extent: Extent } {
  const top = y;
  let cursor = y + BLOCK_HEADER + 10;
  let inner: Extent | undefined;
  const separators: { y: number; label: string }[] = [];
  b.sections.forEach((section, i) => {
    if (i > 0) {
      separators.push({ y: cursor, label: section.label });
      cursor += LINE_HEIGHT + 12;
    }
    const drawn = drawSteps(g, section.steps, centre, cursor);
    cursor = drawn.y;
    if (drawn.extent) inner = union(inner, drawn.extent);
  });
  const all = [...centre.values()];
  const content = inner ?? { min: Math.min(...all), max: Math.max(...all) };
  const tabWidth = textWidth(b.type) + 2 * PAD;
  const headerWidth = tabWidth + PAD + textWidth(`[${b.sections[0]!.label}]`) + PAD;
  const left = content.min - BLOCK_PAD;
  const right = Math.max(content.max + BLOCK_PAD, left + headerWidth, ...separators.map((s) => left + PAD + textWidth(`[${s.label}]`) + PAD));
  const bottom = cursor;
  const parts = [
    `<rect x="${r(left)}" y="${r(top)}" width="${r(right - left)}" height="${r(bottom - top)}" fill="none" stroke="#6b7280"/>`,
    `<path d="M${r(left)} ${r(top)} h${r(tabWidth)} v${BLOCK_HEADER - 6} l-6 6 H${r(left)} z" fill="#e5e7eb" stroke="#6b7280"/>`,
    `<text x="${r(left + PAD)}" y="${r(top + BLOCK_HEADER - 7)}" font-weight="600">${esc(b.type)}</text>`,
  ];
  if (b.sections[0]!.label) parts.push(`<text x="${r(left + tabWidth + PAD)}" y="${r(top + BLOCK_HEADER - 7)}" font-style="italic">[${esc(b.sections[0]!.label)}]</text>`);
  for (const s of separators) {
    parts.push(
      `<line x1="${r(left)}" y1="${r(s.y)}" x2="${r(right)}" y2="${r(s.y)}" stroke="#6b7280" stroke-dasharray="4 3"/>`,
      `<text x="${r(left + PAD)}" y="${r(s.y + LINE_HEIGHT)}" font-style="italic">[${esc(s.label)}]</text>`,
    );
  }
  // Drawn before what it encloses, and outer blocks before inner ones, so nothing is hidden.
  g.background.unshift(parts.join(''));
  return { y: bottom + 14, extent: { min: left, max: right } };
}

function drawSteps(g: Drawing, steps: Step[], centre: Map<string, number>, y: number): { y: number; extent: Extent | undefined } {
  let extent: Extent | undefined;
  for (const step of steps) {
    const drawn =
      step.kind === 'message' ? drawMessage(g, step, centre, y) : step.kind === 'note' ? drawNote(g, step, centre, y) : drawBlock(g, step, centre, y);
    y = drawn.y;
    extent = union(extent, drawn.extent);
  }
  return { y, extent };
}

/** A plain-text account of the diagram, for screen readers and for anyone who cannot see the picture. */
function describe(d: SequenceDiagram): string {
  const label = new Map(d.participants.map((p) => [p.id, p.label.join(' ')]));
  const out: string[] = [];
  const visit = (steps: Step[]) => {
    for (const s of steps) {
      if (s.kind === 'message') out.push(`${label.get(s.from)} → ${label.get(s.to)}: ${s.text.join(' ')}`);
      else if (s.kind === 'note') out.push(`Note: ${s.text.join(' ')}`);
      else
        s.sections.forEach((section, i) => {
          out.push(`${i === 0 ? s.type : 'else'} ${section.label}`.trim() + ':');
          visit(section.steps);
        });
    }
  };
  visit(d.steps);
  return out.join('\n');
}

export function renderSequenceSvg(d: SequenceDiagram, id: string): string {
  const g = new Drawing(id);
  const { centre, boxWidth } = layoutColumns(d);
  const titleHeight = d.title ? 34 : 0;
  const boxHeight = Math.max(...d.participants.map((p) => p.label.length)) * LINE_HEIGHT + PAD;
  const boxes = (y: number) =>
    d.participants.map((p, i) => {
      const x = centre.get(p.id)!;
      const w = boxWidth[i]!;
      g.include({ min: x - w / 2, max: x + w / 2 });
      return (
        `<rect x="${r(x - w / 2)}" y="${r(y)}" width="${r(w)}" height="${r(boxHeight)}" rx="4" fill="#e8eefc" stroke="#3b5bdb"/>` +
        g.text(p.label, x, y + PAD / 2 + (boxHeight - PAD - p.label.length * LINE_HEIGHT) / 2, 'middle', ' font-weight="600"')
      );
    });

  const top = titleHeight + MARGIN;
  const drawn = drawSteps(g, d.steps, centre, top + boxHeight + 20);
  if (drawn.extent) g.include(drawn.extent);
  const bottomBoxes = drawn.y + 6;
  const lifelines = [...centre.values()].map(
    (x) => `<line x1="${r(x)}" y1="${r(top + boxHeight)}" x2="${r(x)}" y2="${r(bottomBoxes)}" stroke="#9ca3af" stroke-dasharray="3 3"/>`,
  );
  const boxRows = [...boxes(top), ...boxes(bottomBoxes)];
  const height = bottomBoxes + boxHeight + MARGIN;

  let { min, max } = g.extent;
  const titleWidth = d.title ? textWidth(d.title, 16) : 0;
  if (titleWidth > max - min) [min, max] = [min - (titleWidth - (max - min)) / 2, max + (titleWidth - (max - min)) / 2];
  [min, max] = [min - MARGIN, max + MARGIN];
  const width = max - min;
  const title = d.title ? `<text x="${r(min + width / 2)}" y="22" text-anchor="middle" font-size="16" font-weight="600">${esc(d.title)}</text>` : '';

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sequence-diagram" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="${r(min)} 0 ${r(width)} ${r(height)}" width="${r(width)}" height="${r(height)}" font-family="${esc(FONT_FAMILY)}" font-size="${FONT_SIZE}" fill="${INK}">`,
    `<title id="${id}-title">${esc(d.title ?? id)}</title>`,
    `<desc id="${id}-desc">${esc(describe(d))}</desc>`,
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${INK}"/></marker></defs>`,
    `<rect x="${r(min)}" y="0" width="${r(width)}" height="${r(height)}" fill="#ffffff"/>`,
    title,
    ...lifelines,
    ...g.background,
    ...boxRows,
    ...g.foreground,
    '</svg>',
  ].join('\n');
}

/** Parses and renders a diagram source; `id` prefixes the SVG's internal ids so several diagrams can share a page. */
export function sequenceSourceToSvg(source: string, id: string): string {
  return renderSequenceSvg(parseSequence(source), id);
}
