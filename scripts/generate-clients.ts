// `npm run generate:clients [-- <language>…]`: regenerates the Python, Go and Java clients (with
// swagger-codegen, from the OpenAPI 3.0.3 renderings in generated/) and the TypeScript client (with
// @hey-api/openapi-ts, from the 3.1 bundles) of the CHEAA platform and partner documents and of the
// GB/T 43960 document into build/clients/<language>/<document>/ (not committed). Fails, naming the
// file, when a generator wrote nothing although it exited 0.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClient } from './clients/checks.ts';
import { DOCUMENTS } from './clients/documents.ts';
import { which } from './clients/exec.ts';
import { clientDir, type Workspace } from './clients/language.ts';
import { languagesNamed } from './clients/languages.ts';
import { pool } from './clients/pool.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ws: Workspace = { root, out: join(root, 'build/clients') };

const languages = languagesNamed(process.argv.slice(2));
if (languages.some((language) => !('generateClient' in language)) && !which('java')) {
  console.error('generate:clients: java is not installed; swagger-codegen runs on it (apt-get install default-jdk-headless)');
  process.exit(1);
}
const started = performance.now();
const outcomes = await pool(
  languages.flatMap((language) =>
    DOCUMENTS.map((doc) => async () => {
      const out = relative(root, clientDir(ws, language.name, doc));
      const t0 = performance.now();
      try {
        const files = await generateClient(ws, language, doc);
        console.log(`${out}: ${files} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        return true;
      } catch (error) {
        console.error(`${out}: ${(error as Error).message}`);
        return false;
      }
    }),
  ),
);
const failed = outcomes.filter((ok) => !ok).length;
console.log(`${outcomes.length - failed} clients generated, ${failed} failed, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
