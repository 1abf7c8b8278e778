// Regenerates generated/ and fails when that changed anything: the committed output must be
// exactly what the spec and scripts produce. `git status` also sees new and deleted files.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
const drift = execFileSync('git', ['status', '--porcelain', '--', 'generated/'], { encoding: 'utf8' });
if (drift.trim()) {
  console.error(`generated/ is stale; run \`npm run generate\` and commit the result:\n${drift}`);
  process.exit(1);
}
console.log('generated/ is up to date');
