// Lints every document of redocly.yaml and fails on any problem, warnings included
// (`redocly lint` alone exits 0 on warnings).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const apis = Object.keys((parse(readFileSync('redocly.yaml', 'utf8')) as { apis: Record<string, unknown> }).apis);
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
process.exit(failed ? 1 : 0);
