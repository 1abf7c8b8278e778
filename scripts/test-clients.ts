// `npm run test:clients [-- [--no-generate] <language>…]`: regenerates the clients (unless
// --no-generate), compiles each one, and runs the standard's main flow in each language against
// the live reference platform on loopback. Languages whose toolchain is missing are skipped, and
// said so. Ends with the line `N passed, N failed`; exits 1 when anything failed.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CheckResult, runClientChecks, summaryLine } from './clients/checks.ts';
import { DOCUMENTS } from './clients/documents.ts';
import { languagesNamed } from './clients/languages.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { 'no-generate': { type: 'boolean' } }, allowPositionals: true });

const print = (r: CheckResult) => {
  const head = `${r.outcome.padEnd(7)} ${r.language.padEnd(6)} ${r.check}`;
  const detail = r.outcome === 'failed' ? `\n${r.detail.replace(/^/gm, '        ')}` : `: ${r.detail}`;
  console.log(`${head}${r.seconds ? ` (${r.seconds} s)` : ''}${detail}`);
};

const started = performance.now();
const results = await runClientChecks({
  ws: { root, out: join(root, 'build/clients') },
  languages: languagesNamed(positionals),
  documents: DOCUMENTS,
  generate: !values['no-generate'],
  onResult: print,
});
for (const skipped of results.filter((r) => r.outcome === 'skipped')) {
  console.log(`${skipped.language} client tests skipped: ${skipped.detail}`);
}
console.log(`client tests finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(summaryLine(results));
process.exit(results.some((r) => r.outcome === 'failed') ? 1 : 0);
