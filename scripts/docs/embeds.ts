// What an `embed` block of a guide page stands for. Each kind generates its HTML at build time
// from a source of truth (the bundled specs, a diagram source, a Markdown file of openapi/), so
// the pages never restate what those sources say:
//
//   diagram <name>                     docs-site/diagrams/<name>.txt as an SVG sequence diagram
//   result-codes <api> <schema> [<code>…]  the result-code table of a document (RetCode, Status),
//                                      or only the codes given
//   operations                         every operation of every document, by clause
//   specs                              every bundled document, with its download link
//   udeviceid-decoder <api> [<id>…]    the decoder form, with the code tables as JSON; ids to try,
//                                      percent-encoded (%20 for a space)
//   udeviceid-tables <api>             the category and sub-category tables
//   schema-description <api> <schema>  the description of a component schema
//   include <file>                     a Markdown file of the repository
//   include-if-present <file>          the same, or nothing while the file does not exist
//   figure-if-present <file.svg>       an SVG file of the repository, copied beside the page and
//                                      shown, or nothing while the file does not exist
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Api, operationsOf } from './apis.ts';
import { escapeHtml as esc, jsonForScript } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { operationHref, specFile } from './reference-page.ts';
import { resultCodeTable } from './result-codes.ts';
import { sequenceSourceToSvg } from './sequence-svg.ts';
import { type CodeTable, udeviceIdTables } from './udeviceid-tables.ts';

export interface EmbedContext {
  root: string;
  outDir: string;
  apis: Api[];
}

function apiNamed(ctx: EmbedContext, name: string | undefined): Api {
  const api = ctx.apis.find((a) => a.name === name);
  if (!api) throw new Error(`no api ${JSON.stringify(name)} in redocly.yaml (have: ${ctx.apis.map((a) => a.name).join(', ')})`);
  return api;
}

function diagram(ctx: EmbedContext, name: string | undefined): string {
  if (!name || !/^[a-z0-9-]+$/.test(name)) throw new Error(`diagram names are lower-case words joined by "-": ${JSON.stringify(name)}`);
  const source = join(ctx.root, 'docs-site/diagrams', `${name}.txt`);
  let svg: string;
  try {
    svg = sequenceSourceToSvg(readFileSync(source, 'utf8'), `diagram-${name}`);
  } catch (error) {
    throw new Error(`docs-site/diagrams/${name}.txt: ${(error as Error).message}`);
  }
  const file = `diagrams/${name}.svg`;
  mkdirSync(join(ctx.outDir, 'diagrams'), { recursive: true });
  writeFileSync(join(ctx.outDir, file), `${svg}\n`);
  return `<figure class="diagram">
<div class="diagram-scroll">${svg}</div>
<figcaption><a href="${file}">Open the diagram as an SVG file</a> · source: <code>docs-site/diagrams/${name}.txt</code></figcaption>
</figure>`;
}

function operationsIndex(ctx: EmbedContext): string {
  const rows = ctx.apis.flatMap((api) =>
    operationsOf(api).map(
      (op) =>
        `<tr><td>${esc(op.clause)}</td><td><a href="${esc(operationHref(api, op))}">${esc(op.summary)}</a></td><td><code>${esc(op.method.toUpperCase())} ${esc(op.path)}</code></td><td><code>${esc(op.operationId)}</code></td><td>${esc(api.name)}</td></tr>`,
    ),
  );
  return `<table class="operations">
<thead><tr><th>Clause</th><th>Interface</th><th>Request</th><th>operationId</th><th>Document</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function specsTable(ctx: EmbedContext): string {
  const rows = ctx.apis.map(
    (api) =>
      `<tr><td>${esc(api.spec.info.title)}</td><td><code>${esc(api.output)}</code></td><td><a href="${esc(specFile(api))}">${esc(specFile(api))}</a></td></tr>`,
  );
  return `<table class="specs">
<thead><tr><th>Document</th><th>Bundled spec in the repository</th><th>On this site</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function codeTableHtml(table: CodeTable, caption: string): string {
  const rows = table.codes.map((c) => `<tr><td><code>${esc(c.code)}</code></td><td>${esc(c.meaning)}</td><td><code>${esc(c.name)}</code></td></tr>`).join('\n');
  return `<table class="codes">
<caption>${caption}</caption>
<thead><tr><th>Code</th><th>Meaning</th><th>Name in the spec</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function udeviceIdCodeTables(api: Api): string {
  const t = udeviceIdTables(api);
  const sub = Object.entries(t.subCategories).map(([category, table]) =>
    codeTableHtml(table, `Part C, the sub-category, under category <code>${esc(category)}</code> — ${esc(table.label)} (<code>${esc(table.schema)}</code>)`),
  );
  return [codeTableHtml(t.category, `Part B, the category — ${esc(t.category.label)} (<code>${esc(t.category.schema)}</code>)`), ...sub].join('\n');
}

/** The id escaped for HTML, each space a marker drawn by CSS that a screen reader reads as "space". */
export function visibleSpaces(id: string): string {
  return id
    .split(' ')
    .map(esc)
    .join('<span class="space" role="img" aria-label="space"></span>');
}

function udeviceIdDecoder(api: Api, tryIds: string[]): string {
  const tables = udeviceIdTables(api);
  const first = tables.examples[0] ?? '';
  // A space on a button is drawn by CSS (a bracket under the gap), so an id with a stray space
  // (errata E-02) is visible as such; a glyph such as ␠ is missing from common monospace fonts
  // and showed as a box.
  const ids = [...tables.examples, ...tryIds.map(decodeURIComponent)];
  const buttons = ids.map((id) => `<button type="button" data-udeviceid="${esc(id)}"><code>${visibleSpaces(id)}</code></button>`).join(' ');
  const legend = ids.some((id) => id.includes(' ')) ? ` <span class="legend">(<span class="space" role="img" aria-label="space"></span> marks a space)</span>` : '';
  return `<form id="udeviceid-form" class="decoder" autocomplete="off">
<label for="udeviceid-input">UDeviceID</label>
<input id="udeviceid-input" name="udeviceid" value="${esc(first)}" spellcheck="false" autocapitalize="off" size="52">
<button type="submit">Decode</button>
</form>
<p class="try">Try: ${buttons}${legend}</p>
<div id="udeviceid-result" role="status" aria-live="polite"></div>
<script type="application/json" id="udeviceid-tables">${jsonForScript(tables)}</script>
<script type="module" src="assets/udeviceid.js"></script>`;
}

function schemaDescription(api: Api, name: string | undefined): string {
  const description = name ? api.spec.components?.schemas?.[name]?.description : undefined;
  if (typeof description !== 'string') throw new Error(`${api.output}: schema ${JSON.stringify(name)} has no description`);
  return `<div class="generated" data-source="${esc(`${api.output}#/components/schemas/${name}`)}">\n${renderMarkdown(description).html}</div>`;
}

function include(ctx: EmbedContext, file: string | undefined, optional: boolean, ids: Map<string, number>): string {
  if (!file) throw new Error('include needs a file');
  const path = join(ctx.root, file);
  if (!existsSync(path)) {
    if (optional) return '';
    throw new Error(`include: ${file} does not exist`);
  }
  const { html } = renderMarkdown(readFileSync(path, 'utf8'), { headingShift: 1, ids });
  return `<section class="included" data-source="${esc(file)}">
<p class="source">From <code>${esc(file)}</code> in the repository.</p>
${html}
</section>`;
}

function figure(ctx: EmbedContext, file: string | undefined): string {
  if (!file?.endsWith('.svg')) throw new Error(`figure-if-present needs an .svg file: ${JSON.stringify(file)}`);
  const path = join(ctx.root, file);
  if (!existsSync(path)) return '';
  const name = `figures/${basename(file)}`;
  mkdirSync(join(ctx.outDir, 'figures'), { recursive: true });
  copyFileSync(path, join(ctx.outDir, name));
  const title = /<title>([^<]*)<\/title>/.exec(readFileSync(path, 'utf8'))?.[1] ?? basename(file);
  return `<figure class="diagram">
<div class="diagram-scroll"><img src="${esc(name)}" alt="${title}"></div>
<figcaption><a href="${esc(name)}">Open the chart as an SVG file</a> · source: <code>${esc(file)}</code></figcaption>
</figure>`;
}

export function embedder(ctx: EmbedContext): (directive: string, ids: Map<string, number>) => string {
  return (directive, ids) => {
    const [kind, ...args] = directive.split(/\s+/);
    switch (kind) {
      case 'diagram':
        return diagram(ctx, args[0]);
      case 'result-codes':
        if (!args[1]) throw new Error('result-codes needs an api and a schema name');
        return resultCodeTable(apiNamed(ctx, args[0]), args[1], args.slice(2));
      case 'operations':
        return operationsIndex(ctx);
      case 'specs':
        return specsTable(ctx);
      case 'udeviceid-decoder':
        return udeviceIdDecoder(apiNamed(ctx, args[0]), args.slice(1));
      case 'udeviceid-tables':
        return udeviceIdCodeTables(apiNamed(ctx, args[0]));
      case 'schema-description':
        return schemaDescription(apiNamed(ctx, args[0]), args[1]);
      case 'include':
        return include(ctx, args[0], false, ids);
      case 'include-if-present':
        return include(ctx, args[0], true, ids);
      case 'figure-if-present':
        return figure(ctx, args[0]);
      default:
        throw new Error(`unknown embed ${JSON.stringify(kind)}`);
    }
  };
}
