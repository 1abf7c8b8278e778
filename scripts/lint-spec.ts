// Lints every document of redocly.yaml and fails on any problem, warnings included
// (`redocly lint` alone exits 0 on warnings): the sources with Redocly, then the bundles vendors
// generate from and their OpenAPI 3.0.3 renderings with Spectral's `spectral:oas` (.spectral.yaml),
// a second reading of the same documents by a tool the project does not otherwise use.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { openApi30Path } from './down-convert.ts';

const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const config = parse(readFileSync('redocly.yaml', 'utf8')) as { apis: Record<string, { output: string }> };
const apis = Object.keys(config.apis);
let failed = false;
for (const api of apis) {
  const run = spawnSync('node_modules/.bin/redocly', ['lint', api, '--format', 'json'], { encoding: 'utf8', env });
  const start = run.stdout.indexOf('{');
  if (start < 0) {
    console.error(`${api}: ${run.stderr || 'redocly lint printed no report'}`);
    failed = true;
    continue;
  }
  const report = JSON.parse(run.stdout.slice(start)) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; severity: string; message: string; location: { source: { ref: string }; pointer: string }[] }[];
  };
  for (const p of report.problems) {
    const where = p.location[0];
    console.error(`${api}: ${p.severity} ${p.ruleId}: ${p.message}\n  at ${where?.source.ref}#${where?.pointer}`);
  }
  const { errors, warnings } = report.totals;
  console.log(`${api}: ${errors} errors, ${warnings} warnings`);
  if (errors + warnings > 0) failed = true;
}
const documents = Object.values(config.apis).flatMap(({ output }) => [output, openApi30Path(output)]);
const spectral = spawnSync('node_modules/.bin/spectral', ['lint', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet', ...documents], { encoding: 'utf8' });
const start = spectral.stdout.indexOf('[');
if (start < 0) {
  console.error(`spectral: ${spectral.stderr || 'spectral lint printed no report'}`);
  failed = true;
} else {
  const results = JSON.parse(spectral.stdout.slice(start)) as { code: string; message: string; severity: number; source: string; path: string[] }[];
  for (const r of results) console.error(`spectral: ${['error', 'warning', 'info', 'hint'][r.severity]} ${r.code}: ${r.message}\n  at ${r.source}#/${r.path.join('/')}`);
  const count = (severity: number) => results.filter((r) => r.severity === severity).length;
  console.log(`spectral (${documents.length} documents): ${count(0)} errors, ${count(1)} warnings`);
  if (results.length > 0) failed = true;
}
process.exit(failed ? 1 : 0);
