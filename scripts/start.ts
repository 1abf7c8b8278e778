// `npm start`: the platform at once, and the docs site rebuilt beside it only when its sources
// changed since the last build (a build takes 10–20 s, a start a few). The platform serves
// docs-site/dist/ as it is; a rebuild replaces it when done. The configuration is checked by the
// platform first thing, whatever the docs are doing.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsStale } from './docs/sources.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (docsStale(root)) {
  process.stderr.write('docs: sources changed since the last build; rebuilding docs-site/dist/ in the background\n');
  const build = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/build-docs.ts')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  // The build is this process's helper: it ends with it (signals go to the platform, not to it).
  process.on('exit', () => build.kill());
}

await import('../src/main.ts');
