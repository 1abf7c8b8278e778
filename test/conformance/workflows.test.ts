// The kit's Arazzo files are valid Arazzo (Redocly's own lint), every check says which clause it
// proves and what the standard requires, every operation exists in the documents they run
// against, and conformance/README.md lists exactly the checks there are, with their clauses.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { configFrom } from '../../src/config.ts';
import { clauseTitles } from '../../src/conformance/clauses.ts';
import { exampleFixturesFile, kitDirectory, workflowFile } from '../../src/conformance/files.ts';
import { loadFixtures } from '../../src/conformance/fixtures.ts';
import { kitCheckIds } from '../../src/conformance/kit-checks.ts';
import type { Role } from '../../src/conformance/types.ts';
import { readWorkflows } from '../../src/conformance/workflows.ts';

const roles: Role[] = ['platform', 'partner'];
const kitChecks: Record<Role, string[]> = { platform: kitCheckIds, partner: [] };

/** check id → clause, from the README table under "### Role <role>". */
function readmeChecks(role: Role): Map<string, string> {
  const readme = readFileSync(`${kitDirectory}README.md`, 'utf8');
  const section = readme.split(`### Role ${role} `)[1]!.split('\n### ')[0]!.split('\n## ')[0]!;
  return new Map([...section.matchAll(/^\| `([^`]+)` \| ([\d.]+) \|/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('conformance workflows', () => {
  it('pass redocly lint (Arazzo 1.0.1) with no error or warning', () => {
    const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
    const run = spawnSync(process.execPath, [bin, 'lint', 'platform.arazzo.yaml', 'partner.arazzo.yaml', '--format', 'json'], {
      cwd: kitDirectory,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    // One JSON document per file, back to back.
    const reports = run.stdout.split(/(?<=^\})(?=\{)/m).map((text) => JSON.parse(text) as { totals: { errors: number; warnings: number } });
    assert.equal(reports.length, 2);
    for (const { totals } of reports) assert.deepEqual([totals.errors, totals.warnings], [0, 0], run.stdout);
  });

  for (const role of roles) {
    it(`${role}: every step names its clause and requirement, and calls an operation of its document`, () => {
      const doc = parse(readFileSync(workflowFile(role), 'utf8')) as { sourceDescriptions: { url: string }[]; workflows: { steps: { stepId: string; operationId: string }[] }[] };
      const api = JSON.parse(readFileSync(path.resolve(kitDirectory, doc.sourceDescriptions[0]!.url), 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> };
      const operationIds = new Set(Object.values(api.paths).flatMap((item) => Object.values(item).map((op) => op.operationId)));
      for (const step of doc.workflows.flatMap((w) => w.steps)) assert.ok(operationIds.has(step.operationId), `${step.stepId}: ${step.operationId}`);
      for (const workflow of readWorkflows(workflowFile(role))) {
        for (const step of workflow.steps) {
          assert.ok(clauseTitles[step.clause], `${step.id}: clause ${step.clause} has a title in src/conformance/clauses.ts`);
          assert.ok(step.requires.length > 20, `${step.id} says what the standard requires`);
          assert.notEqual(step.title, step.stepId, `${step.id} has a description`);
        }
      }
    });

    it(`${role}: README.md lists exactly the checks, with their clauses`, () => {
      const declared = new Map(readWorkflows(workflowFile(role)).flatMap((w) => w.steps.map((s) => [s.id, s.clause] as const)));
      const listed = readmeChecks(role);
      for (const id of kitChecks[role]) declared.set(id, listed.get(id) ?? '(missing)');
      assert.deepEqual([...listed.keys()].sort(), [...declared.keys()].sort());
      for (const [id, clause] of declared) assert.equal(listed.get(id), clause, id);
    });
  }

  it('the example fixtures are valid for both roles and reference-platform.yaml is a valid configuration that knows the kit', () => {
    for (const role of roles) loadFixtures(exampleFixturesFile, role);
    const fixtures = loadFixtures(exampleFixturesFile, 'platform');
    const config = configFrom(parse(readFileSync(`${kitDirectory}reference-platform.yaml`, 'utf8')), 'reference-platform.yaml', kitDirectory, {});
    const kit = config.partners.find((p) => p.platId === fixtures.kit.platId);
    assert.equal(kit?.appId, fixtures.kit.appId);
    assert.equal(new URL(kit.verifyUrl).port, '8099', 'the default --partner-port');
    const devices = new Set(config.devices.map((d) => d.deviceId));
    const { own, others, unbound, unknown } = fixtures.platform!.devices;
    for (const d of [own, others, unbound]) assert.ok(devices.has(d.deviceID), d.deviceID);
    assert.ok(!devices.has(unknown.deviceID));
    assert.deepEqual(config.localUsers.map((u) => [u.loginId, u.authToken]), [[fixtures.partner!.user.loginID, fixtures.partner!.user.authToken]]);
  });
});
