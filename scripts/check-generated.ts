// Regenerates generated/ and fails when that changed anything: the committed output must be
// exactly what the spec and scripts produce. `git status` also sees new and deleted files.
import { execFileSync } from 'node:child_process';

// The same steps as `npm run generate`: the bundles and their code, then their 3.0 renderings.
for (const script of ['scripts/generate.ts', 'scripts/down-convert.ts']) {
  execFileSync(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const drift = execFileSync('git', ['status', '--porcelain', '--', 'generated/'], { encoding: 'utf8' });
if (drift.trim()) {
  console.error(`generated/ is stale; run \`npm run generate\` and commit the result:\n${drift}`);
  process.exit(1);
}
console.log('generated/ is up to date');
