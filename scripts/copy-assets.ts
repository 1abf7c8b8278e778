// The second half of `npm run build`: the files compiled modules read at run time, copied to the
// same relative places under dist/ (the OpenAPI bundles, the config schema, the SQL migrations).
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
// Directory → which of its files (at any depth) to copy. fs.globSync needs Node 22; we support 20.
const assets: [string, RegExp][] = [
  ['generated', /\.json$/],
  ['src', /\.(json|sql)$/],
];

let copied = 0;
for (const [directory, wanted] of assets) {
  for (const entry of readdirSync(path.join(root, directory), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !wanted.test(entry.name)) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name));
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(dist, file));
    copied += 1;
  }
}
console.log(`copy-assets: ${copied} files into dist/`);
