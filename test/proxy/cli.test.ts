// `cloud-interop proxy` as an operator runs it: wrong configuration refused before listening; a
// run forwards, prints a line per exchange, and at SIGTERM writes the JSON lines, the JUnit and
// HTML reports and the summary by clause, with tokens masked.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/cli.ts';
import { freePort } from '../../src/demo/platforms.ts';
import { eventually } from '../support/eventually.ts';

const plain = { bold: (s: string) => s, dim: (s: string) => s, red: (s: string) => s, green: (s: string) => s };

test('configuration errors are reported before listening, exit status 2', async () => {
  for (const [args, message] of [
    [[], /give at least one leg/],
    [['--a-to-b', '127.0.0.1:0'], /--a-to-b needs --b-upstream/],
    [['--a-to-b', '127.0.0.1:0', '--b-upstream', 'https://b.example/v1'], /give --b-client-tls/],
    [['--b-to-a', 'nowhere', '--a-upstream', 'http://a.example/v1'], /--b-to-a nowhere: give <host>:<port>/],
  ] as const) {
    let err = '';
    const status = await runCli(['proxy', ...args], { stdout: { write: () => undefined, style: plain }, stderr: { write: (s) => void (err += s), style: plain } });
    assert.equal(status, 2, err);
    assert.match(err, message);
  }
});

test('a run: forwarded unchanged, one line per exchange, reports and the summary at SIGTERM', { timeout: 60_000 }, async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloud-interop-proxy-cli-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  // B answers 7.2.6 with a RetCode sent as a number: a document violation.
  const reply = '{"RetCode":200,"RetInfo":"ok","Device":[]}';
  const upstream = createServer((req, res) => void req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'x-from': 'B' }).end(reply)));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  t.after(() => void upstream.close());
  const port = await freePort();
  const files = { log: path.join(dir, 'w.jsonl'), xml: path.join(dir, 'w.xml'), html: path.join(dir, 'w.html') };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'proxy', '--a-to-b', `127.0.0.1:${port}`, '--b-upstream', `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`, '--log', files.log, '--report', files.xml, '--report', files.html], { env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  t.after(() => child.kill('SIGKILL'));
  await eventually('the proxy listening', () => stderr.includes('listening at'), 30_000);

  const answer = await fetch(`http://127.0.0.1:${port}/v1/devices/deviceStatus`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', PlatID: 'MB-JDAPP-0000', AccessToken: 'secret-token-0123456789' },
    body: JSON.stringify({ UserID: '100013954770780042', Device: [{ DeviceInfo: { deviceID: 'C89346112DD5' } }] }),
  });
  assert.equal(await answer.text(), reply, "B's reply, byte for byte");
  assert.equal(answer.headers.get('x-from'), 'B');
  await eventually('the console line', () => stdout.includes('devices_deviceStatus'));
  child.kill('SIGTERM');
  assert.equal(await exited, 1, 'a violation was seen');

  assert.match(stdout, /A → B 7\.2\.6 +devices_deviceStatus +200 - .*✗ 1 violation$/m);
  assert.match(stdout, /document\.reply \[7\.2\.6\] \/RetCode must be string/);
  assert.match(stdout, /^7\.2\.6 +1 +1 +document\.reply ×1/m);
  const line = JSON.parse((await readFile(files.log, 'utf8')).trim()) as { verdict: string; request: { headers: Record<string, string> } };
  assert.equal(line.verdict, 'fail');
  assert.equal(line.request.headers.accesstoken, '********');
  assert.match(await readFile(files.xml, 'utf8'), /<testsuite name="cheaa-proxy" tests="1" failures="1"/);
  const html = await readFile(files.html, 'utf8');
  assert.ok(!html.includes('secret-token-0123456789') && html.includes('CHEAA cloud-to-cloud interop watch'));
});
