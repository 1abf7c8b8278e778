// `npm run docs`: lints every document of redocly.yaml (a broken $ref or a missing example stops
// the build there), then builds the documentation site into docs-site/dist/, and records the
// digest of its sources there (npm start rebuilds only when they changed).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from './docs/build.ts';
import { digestFile, sourcesDigest } from './docs/sources.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs-site/dist');

const lint = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lint-spec.ts'], { cwd: root, stdio: 'inherit' });
if (lint.status !== 0) {
  console.error('docs: the OpenAPI documents do not pass the lint; the site is not built');
  process.exit(1);
}

const started = performance.now();
try {
  const digest = sourcesDigest(root);
  const { apis, pages } = await buildSite(root, outDir);
  writeFileSync(digestFile(root), `${digest}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`docs: ${pages.length} pages (${apis.length} API references) in docs-site/dist/ in ${seconds} s`);
} catch (error) {
  console.error(`docs: ${(error as Error).message}`);
  process.exit(1);
}
