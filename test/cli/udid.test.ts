// The CLI as its users run it: a child process `node --import tsx src/cli/main.ts …`.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parseUDeviceID } from '../../src/sdk/index.ts';
import { platformDoc, schemaOf } from '../sdk/support/bundled.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const main = ['--import', 'tsx', 'src/cli/main.ts'];
// Without NO_COLOR from the environment of whoever runs the tests; tests that want it set it.
const { NO_COLOR: _inheritedNoColor, ...env } = process.env;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...main, ...args], { cwd: root, env: { ...env, ...extraEnv } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the CLI with its stdout on a pseudo-terminal (util-linux `script`). */
function cliOnTerminal(args: string[], extraEnv: Record<string, string> = {}): string {
  const command = [process.execPath, ...main, ...args].map((arg) => `'${arg}'`).join(' ');
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}
const hasScript = spawnSync('script', ['--version']).error === undefined;

const udeviceid = schemaOf(platformDoc, 'UDeviceID');
const standardId = (udeviceid.examples as string[])[0]!;
const laundry = schemaOf(platformDoc, 'LaundrySubCategory');
const drumWasher = (laundry['x-enum-descriptions'] as string[])[(laundry.enum as string[]).indexOf('002')]!;
const ESC = '\x1b[';

describe('cloud-interop udid', { concurrency: true }, () => {
  it("6.4 decodes the spec's example into manufacturer, category, sub-category with its names, minor class and serial", async () => {
    const run = await cli(['udid', standardId]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((line) => line.split(/\s{2,}/)),
      [
        ['UDeviceID', standardId],
        ['manufacturer', '000006'],
        ['category', '02', '洗涤类 laundry'],
        ['sub-category', '002', drumWasher],
        ['minor class', '001'],
        ['serial', '0007A88A184D'],
      ],
    );
    assert.ok(!run.stdout.includes(ESC), 'no colour when stdout is a pipe');
  });

  it('6.4 --json prints the decoded parts', async () => {
    const run = await cli(['udid', '--json', standardId]);
    assert.equal(run.code, 0, run.stderr);
    const decoded = JSON.parse(run.stdout) as { subCategory: { name: string } };
    assert.deepEqual(decoded, (parseUDeviceID(standardId) as { value: unknown }).value);
    assert.equal(decoded.subCategory.name, drumWasher);
  });

  it('6.4 under category 99 (no sub-category table) the sub-category is shown without a name', async () => {
    const run = await cli(['udid', '0000060199123000X1']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /sub-category\s+123\s+\(category 99 has no sub-category table\)/);
  });

  it('6.4 an invalid id prints the reason, naming the part, on stderr and exits 2', async () => {
    const run = await cli(['udid', '0000060107001001X1']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /"0000060107001001X1" is not a UDeviceID: the category, part B \(characters 9–10\), must be a code of table 2: .*got "07"/);
  });

  it('6.4 with --json an invalid id still exits 2 with the reason on stderr and nothing on stdout', async () => {
    const run = await cli(['udid', '--json', `${standardId}-`]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /part E, holds only letters and digits/);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['no id', ['udid'], /give the UDeviceID to decode, e\.g\. cloud-interop udid 0000060102/],
    ['two ids', ['udid', standardId, standardId], /one UDeviceID at a time; got 2/],
    ['an unknown option', ['udid', '--jsn', standardId], /Unknown option '--jsn'/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`${what} is a usage error: exit 2, the problem and where to read the usage`, async () => {
      const run = await cli(args);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Run 'cloud-interop udid --help' for usage\./);
    });
  }

  it('udid --help shows the usage, options, exit status and an example, and exits 0', async () => {
    const run = await cli(['udid', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: cloud-interop udid <UDeviceID> \[--json\]/);
    assert.match(run.stdout, /--json/);
    assert.match(run.stdout, /Exit status: 0 .* 2 /);
    assert.ok(run.stdout.includes(`cloud-interop udid ${standardId}`));
  });

  it('--help lists the commands and exits 0; no command prints it on stderr and exits 2', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: cloud-interop <command>/);
    assert.match(help.stdout, /^ {2}udid +Decode a UDeviceID/m);
    const none = await cli([]);
    assert.equal(none.code, 2);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /give a command[\s\S]*Commands:/);
  });

  it('an unknown command exits 2, listing the commands', async () => {
    const run = await cli(['udi', standardId]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown command 'udi'\. Commands: ([a-z]+, )*udid(, [a-z]+)*\.\nRun 'cloud-interop --help' for help\./);
  });

  it('colours only on a terminal, and NO_COLOR turns them off', { skip: !hasScript && 'needs util-linux script(1) for a pseudo-terminal' }, () => {
    assert.ok(cliOnTerminal(['udid', standardId]).includes(ESC));
    assert.ok(!cliOnTerminal(['udid', standardId], { NO_COLOR: '1' }).includes(ESC));
  });
});
