// `cloud-interop conformance`: its usage errors exit 2 before anything runs; a partner-role run
// through the command is in kit.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/cli.ts';

async function cli(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const plain = { bold: (t: string) => t, dim: (t: string) => t, red: (t: string) => t, green: (t: string) => t };
  const status = await runCli(['conformance', ...args], {
    stdout: { write: (t) => void (out.stdout += t), style: plain },
    stderr: { write: (t) => void (out.stderr += t), style: plain },
  });
  return { status, ...out };
}

describe('cloud-interop conformance', () => {
  it('--help shows the usage, the roles, the options and the exit status', async () => {
    const run = await cli(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: cloud-interop conformance --target <baseUrl> --role platform\|partner/);
    for (const option of ['--fixtures', '--mtls', '--partner-port', '--report', 'Exit status']) assert.ok(run.stdout.includes(option), option);
  });

  for (const [what, args, message] of [
    ['no target', ['--role', 'platform'], /give the cloud to check with --target/],
    ['a target that is no URL', ['--target', 'cloud', '--role', 'platform'], /--target cloud is not a URL/],
    ['no role', ['--target', 'http://127.0.0.1:1/v1'], /give --role platform or --role partner/],
    ['a report that is neither .xml nor .html', ['--target', 'http://127.0.0.1:1/v1', '--role', 'partner', '--report', 'r.txt'], /give a \.xml \(JUnit\) or \.html file/],
    ['--mtls without the CA', ['--target', 'https://127.0.0.1:1/v1', '--role', 'partner', '--mtls', 'cert=a.pem,key=b.pem'], /--mtls needs cert=<pem>,key=<pem>,ca=<pem>/],
    ['fixtures that do not exist', ['--target', 'http://127.0.0.1:1/v1', '--role', 'partner', '--fixtures', '/nonexistent.json'], /cannot read the fixtures file/],
  ] as const) {
    it(`${what} exits 2 with the reason`, async () => {
      const run = await cli([...args]);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Run 'cloud-interop conformance --help' for usage\./);
    });
  }
});
