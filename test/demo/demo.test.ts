// The demo as its users run it (`npm run demo`): a child process that must exit 0 and narrate
// every step of both scenarios. It is the suite's end-to-end test: two platforms, mutual TLS,
// the SDK, reports, the simulation.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));

function demo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// About 5 s on an idle machine (a cached store snapshot); much longer when the host is busy.
test('npm run demo plays both scenarios of clause 4 over mutual TLS and exits 0', { timeout: 120_000 }, async () => {
  const { code, stdout, stderr } = await demo();
  assert.equal(code, 0, `the demo failed:\n${stdout}\n${stderr}`);
  const lines = stdout.split('\n');
  const step = (pattern: RegExp) => assert.ok(lines.some((l) => l.includes('✓') && pattern.test(l)), `no successful step matching ${pattern}:\n${stdout}`);
  // Scenario 1
  step(/A → B\s+7\.1\.1 user\/login.*user\/verify/);
  step(/A → B\s+7\.2\.1 user\/bindDevices.*UDeviceID 0000060102002001C89346112DD5/);
  step(/A → B\s+7\.2\.3 users\/devices.*C89346112DD5/);
  step(/A → B\s+7\.2\.7 devices\/op.*onOffStatus True/);
  step(/A → B\s+7\.2\.7 devices\/op.*laundryCycle 3/);
  for (const phase of ['2 \\(rinsing\\)', '3 \\(spinning\\)', '4 .*\\(finished\\)']) step(new RegExp(`B → A\\s+7\\.2\\.8 dataservices/dataGateway.*runningstatus=${phase}`));
  step(/A → B\s+7\.2\.7 devices\/op.*invalid command.*refused with RetCode \d+/);
  // Scenario 2
  step(/A → B\s+7\.2\.1 user\/bindDevices.*air purifier/);
  step(/A\s+A's own app.*switches A's air conditioner on/);
  step(/A → B\s+7\.2\.7 devices\/op.*rule fired.*air purifier on/);
  step(/A → B\s+7\.2\.6 devices\/deviceStatus.*onOffStatus=True/);
  step(/B → A\s+7\.2\.8 dataservices\/dataGateway.*air purifier.*onOffStatus=True/);
  assert.doesNotMatch(stdout, /✗/);
  assert.doesNotMatch(stdout, /\x1b\[/, 'no colour when the output is not a terminal');
  assert.match(stdout, /Every step succeeded/);
});
