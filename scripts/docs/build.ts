// Builds the documentation site into `outDir`: the guide pages of docs-site/pages/, one API
// reference page per document of redocly.yaml, and the assets they load, all from this origin.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { type Api, operationsOf, readApis } from './apis.ts';
import { checkSite } from './check-site.ts';
import { embedder } from './embeds.ts';
import { guidePage, referenceBar } from './layout.ts';
import { renderMarkdown } from './markdown.ts';
import { GUIDE_PAGES, type Nav } from './nav.ts';
import { installRedocScript } from './redoc-script.ts';
import { buildReferencePage, referenceFile } from './reference-page.ts';
import { assertRefsResolve } from './refs.ts';

export interface SiteSummary {
  apis: Api[];
  pages: string[];
}

/** The browser gets the decoder as plain JavaScript: the same file the unit tests import, types stripped. */
function writeBrowserModule(root: string, from: string, to: string): void {
  const out = ts.transpileModule(readFileSync(join(root, from), 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    fileName: from,
  });
  writeFileSync(to, `// Transpiled from ${from} by npm run docs.\n${out.outputText}`);
}

function checkPageList(root: string): void {
  const sources = readdirSync(join(root, 'docs-site/pages'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3));
  const listed = new Set<string>(GUIDE_PAGES);
  const unlisted = sources.filter((s) => !listed.has(s));
  const missing = GUIDE_PAGES.filter((p) => !sources.includes(p));
  if (unlisted.length || missing.length) {
    throw new Error(`docs-site/pages/ and GUIDE_PAGES (scripts/docs/nav.ts) disagree: not listed ${JSON.stringify(unlisted)}, missing ${JSON.stringify(missing)}`);
  }
}

export async function buildSite(root: string, outDir: string): Promise<SiteSummary> {
  const apis = readApis(root);
  // Fail before writing anything: an operation without its clause, or a dangling $ref.
  for (const api of apis) {
    operationsOf(api);
    assertRefsResolve(api);
  }
  checkPageList(root);

  rmSync(outDir, { recursive: true, force: true });
  for (const dir of ['assets', 'specs', 'diagrams']) mkdirSync(join(outDir, dir), { recursive: true });
  for (const asset of ['site.css', 'udeviceid.js']) copyFileSync(join(root, 'docs-site/assets', asset), join(outDir, 'assets', asset));
  writeBrowserModule(root, 'scripts/docs/udeviceid-decode.ts', join(outDir, 'assets/udeviceid-decode.js'));
  const integrity = installRedocScript(root, outDir);

  const embed = embedder({ root, outDir, apis });
  const guides = GUIDE_PAGES.map((name) => {
    const rendered = renderMarkdown(readFileSync(join(root, 'docs-site/pages', `${name}.md`), 'utf8'), { embed });
    if (!rendered.title) throw new Error(`docs-site/pages/${name}.md has no level-1 heading to title it`);
    return { href: `${name}.html`, title: rendered.title, body: rendered.html };
  });
  const nav: Nav = {
    guide: guides.map(({ href, title }) => ({ href, title })),
    reference: apis.map((api) => ({ href: referenceFile(api), title: api.spec.info.title, short: api.name })),
  };
  for (const page of guides) writeFileSync(join(outDir, page.href), guidePage(nav, page));

  const workDir = mkdtempSync(join(tmpdir(), 'docs-site-'));
  try {
    await Promise.all(apis.map((api) => buildReferencePage({ root, api, outDir, workDir, integrity, siteBar: referenceBar(nav, referenceFile(api)) })));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  checkSite(outDir);
  return { apis, pages: [...nav.guide, ...nav.reference].map((p) => p.href) };
}
