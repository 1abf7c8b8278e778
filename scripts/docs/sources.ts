// Whether docs-site/dist/ was built from the sources as they are now: a digest of every file the
// build reads (the documents, the guide pages and templates, the build scripts, the bench chart,
// the SDK modules the pages embed), written beside the site when a build succeeds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = ['openapi', 'docs-site', 'scripts', 'generated', 'bench/results', 'src/sdk', 'redocly.yaml', 'package-lock.json'];
const BUILT = 'docs-site/dist';

export const digestFile = (root: string) => join(root, BUILT, '.sources');

function files(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  if (full === join(root, BUILT)) return [];
  return readdirSync(full).sort().flatMap((name) => files(root, relative(root, join(full, name))));
}

export function sourcesDigest(root: string): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(root, input))) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

/** Whether the built site is missing or older than its sources. */
export function docsStale(root: string): boolean {
  const file = digestFile(root);
  return !existsSync(file) || readFileSync(file, 'utf8').trim() !== sourcesDigest(root);
}
