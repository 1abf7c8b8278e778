// One API reference page per OpenAPI document, rendered by `redocly build-docs` and then made to
// work offline and under any path prefix (the platform serves the site at /docs/).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Api, OpenApiDocument, Operation } from './apis.ts';
import { REDOC_SCRIPT } from './redoc-script.ts';

export const referenceFile = (api: Api): string => `reference-${api.name}.html`;
export const specFile = (api: Api): string => `specs/${api.name}.openapi.json`;

/** Redoc's route to an operation: `#/<tag>/<operationId>`, both lower-cased with runs of other characters as "-". */
export function operationHref(api: Api, op: Operation): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9_]+/g, '-').replace(/^-|-$/g, '');
  return `${referenceFile(api)}#/${op.tag ? `${slug(op.tag)}/` : ''}${slug(op.operationId)}`;
}

const SITE_BAR_MARKER = '<!-- site-bar -->';

/**
 * A copy of the document for display only: each summary starts with the operation's clause, as
 * the standard numbers its own sections ("7.2.7 Device operation (设备操作)"), so the clause shows
 * in the sidebar and in the operation's heading. Redoc has no option that shows an operation's
 * `x-` extension there. The served spec (specs/*.json) stays the bundle, unchanged.
 */
export function withClauseInSummaries(spec: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(spec);
  for (const item of Object.values(copy.paths)) {
    for (const op of Object.values(item)) {
      if (op && typeof op === 'object' && 'x-standard-clause' in op && 'summary' in op) {
        const o = op as { summary: string; 'x-standard-clause': string };
        o.summary = `${o['x-standard-clause']} ${o.summary}`;
      }
    }
  }
  return copy;
}

/** Where the site shows each document a description names: all three are on the errata page. */
export const documentPages: Record<string, string> = {
  'ERRATA.md': 'errata.html#errata-and-decisions-cheaa-smart-appliance-cloud-to-cloud-interconnection',
  'NOTES.md': 'errata.html#corrections-and-inferences-gb-t-43960-2024',
  'EXTENSIONS.md': 'errata.html#specification-extensions',
};

/**
 * A copy of the document for display only in which every description that names ERRATA.md,
 * NOTES.md or EXTENSIONS.md links it to the page of the site that shows it: in the repository
 * they are files beside the spec, in the site plain text would lead nowhere.
 */
export function withDocumentLinks<T>(spec: T): T {
  const names = Object.keys(documentPages).map((n) => n.replace('.', '\\.')).join('|');
  // Not inside a link already (`[ERRATA.md](…)` or `(…/ERRATA.md)`).
  const bare = new RegExp(`(?<![\\[/\\w])(?:\\.\\./)?(${names})(?![\\]\\w])`, 'g');
  const walk = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return key === 'description' ? value.replace(bare, (_, name: string) => `[${name}](${documentPages[name]!})`) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(spec) as T;
}

function replaceOnce(html: string, search: string | RegExp, replacement: string, what: string): string {
  const count = typeof search === 'string' ? html.split(search).length - 1 : (html.match(new RegExp(search, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`redocly build-docs output: expected ${what} once, found it ${count} times`);
  return html.replace(search, () => replacement);
}

/**
 * Makes build-docs' HTML load Redoc from the site: the module import and its modulepreload point
 * at the local copy (with that copy's SRI hash), and the server-rendered markup is dropped.
 * Redoc prerenders links with a history-API base path of "/" (`/user-management`) that React
 * does not rewrite when it hydrates, so they would leave /docs/; rendered in the browser from an
 * empty root, Redoc uses its hash router (`#/user-management`), which works under any prefix.
 */
export function offlineRedocHtml(html: string, integrity: string, siteBar: string): string {
  const cdn = html.match(/https:\/\/cdn\.redocly\.com\/redoc\/v[0-9.]+\/bundles\/redoc\.standalone\.js/)?.[0];
  if (!cdn) throw new Error('redocly build-docs output: no Redoc script URL found');
  const uses = html.split(cdn).length - 1;
  if (uses !== 2) throw new Error(`redocly build-docs output: expected the Redoc script URL twice (modulepreload, import), found ${uses}`);
  // A module specifier must start with ./ to be relative.
  let out = html.split(cdn).join(`./${REDOC_SCRIPT}`);
  out = replaceOnce(out, /integrity="sha384-[A-Za-z0-9+/=]+"/, `integrity="${integrity}"`, 'the modulepreload integrity');
  out = replaceOnce(out, /<div id="redoc">[\s\S]*?<\/div>\s*(?=<script type="module">)/, '<div id="redoc"></div>\n', 'the prerendered Redoc root');
  out = replaceOnce(out, SITE_BAR_MARKER, siteBar, `the ${SITE_BAR_MARKER} marker of the template`);
  if (/\b(?:src|href)="https?:/.test(out.replace(/<a\b[^>]*>/g, ''))) throw new Error('reference page still loads a resource by absolute URL');
  return out;
}

export interface ReferenceBuild {
  root: string;
  api: Api;
  outDir: string;
  /** Where the display copy of the document is written for build-docs. */
  workDir: string;
  integrity: string;
  siteBar: string;
}

export async function buildReferencePage({ root, api, outDir, workDir, integrity, siteBar }: ReferenceBuild): Promise<void> {
  const input = join(workDir, `${api.name}.openapi.json`);
  const output = join(workDir, `${api.name}.html`);
  writeFileSync(input, JSON.stringify(withDocumentLinks(withClauseInSummaries(api.spec))));
  const redocOptions = {
    // Lists every component schema in the sidebar under "Schemas", after the operations.
    schemaDefinitionsTagName: 'Schemas',
    downloadUrls: [{ title: 'Download the bundled OpenAPI document (JSON)', url: specFile(api) }],
  };
  try {
    await promisify(execFile)(
      join(root, 'node_modules/.bin/redocly'),
      ['build-docs', input, '-o', output, '-t', join(root, 'docs-site/templates/reference.hbs'), '--title', `${api.spec.info.title} — API reference`, '--openapi', JSON.stringify(redocOptions)],
      { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`redocly build-docs failed for ${api.name}:\n${e.stderr || e.message}`);
  }
  writeFileSync(join(outDir, referenceFile(api)), offlineRedocHtml(readFileSync(output, 'utf8'), integrity, siteBar));
  writeFileSync(join(outDir, specFile(api)), JSON.stringify(api.spec, null, 2) + '\n');
}
