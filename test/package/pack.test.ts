// The package as a user gets it: `npm pack` (its prepack runs the build), the file list, then the
// tarball installed into an empty ESM project, the SDK imported and the `cloud-interop` bin run.
// SLOW: the build and the npm install of the runtime dependencies take about a minute (more on a
// busy host); npm may fetch from the registry what its cache lacks.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const UDEVICEID = '0000060102002001C89346112DD5';

describe('npm pack', { timeout: 300_000 }, () => {
  let dir: string;
  let tarball: string;
  let files: string[];

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cloud-interop-pack-'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    // prepack's build output comes first on stdout; the JSON report is the last thing npm prints.
    const [report] = JSON.parse(stdout.slice(stdout.lastIndexOf('\n[') + 1)) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(dir, report!.filename);
    files = report!.files.map((f) => f.path);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('holds the build, its assets, the README and the licence, and nothing else', () => {
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/src/sdk/index.js',
      'dist/src/sdk/index.d.ts',
      'dist/src/platform.js',
      'dist/src/cli/main.js',
      'dist/src/config.schema.json',
      'dist/src/store/migrations/001_init.sql',
      'dist/generated/cheaa-c2c/platform.openapi.json',
    ]) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    const stray = files.filter((f) => !(f.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE'].includes(f)));
    assert.deepEqual(stray, [], 'only dist/, package.json, README.md and LICENSE');
    assert.deepEqual(files.filter((f) => /(^|\/)test\//.test(f)), [], 'no tests');
    assert.deepEqual(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')), [], 'no TypeScript sources: the build is shipped');
    assert.deepEqual(files.filter((f) => /\.(pem|key|crt|p12|pfx)$/.test(f)), [], 'no keys or certificates');
  });

  describe('installed into an empty ESM project', () => {
    let project: string;
    before(async () => {
      project = path.join(dir, 'project');
      await run('mkdir', [project]);
      await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
      await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project, maxBuffer: 64 * 1024 * 1024 });
    });

    it('imports the SDK by the package name', async () => {
      const script = `
        import { createPlatformClient, parseUDeviceID, CheaaApiError } from 'cloud-interop';
        const parsed = parseUDeviceID('${UDEVICEID}');
        const client = createPlatformClient({ baseUrl: 'https://127.0.0.1:1/v1', platId: 'MB-JDAPP-0000', appId: '1' });
        console.log(JSON.stringify({ ok: parsed.ok, category: parsed.ok && parsed.value.category.code, login: typeof client.user_login, error: typeof CheaaApiError }));
        await client.close();`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
      assert.deepEqual(JSON.parse(stdout), { ok: true, category: '02', login: 'function', error: 'function' });
    });

    it('runs the cloud-interop bin: udid decodes a UDeviceID', async () => {
      const { stdout } = await run('npx', ['--no', 'cloud-interop', 'udid', UDEVICEID], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
      assert.match(stdout, /UDeviceID\s+0000060102002001C89346112DD5/);
      assert.match(stdout, /category\s+02\s/);
      assert.match(stdout, /serial\s+C89346112DD5/);
    });
  });
});
