// The platform as a process of its own, for what only a process can show: how it answers signals,
// how it exits, and what a restart after kill -9 finds. `cloud-interop serve` runs with a
// configuration written for the test (on loopback port 0, against the test's partners), on the
// Node that runs the tests; its JSON log is collected line by line.
//
//   const p = await startPlatformProcess(t, { partners, database: { url } });
//   p.signal('SIGTERM');
//   const { code, afterMs } = await p.exited;
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from './eventually.ts';
import type { TestPartner } from './test-partner.ts';
import { LOCAL_USER, PLATFORM_PLAT_ID } from './examples.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface PlatformProcessOptions {
  partners: TestPartner[];
  /** PostgreSQL (a test schema's URL) or a PGlite data dir that already holds a migrated database. */
  database: { url: string } | { dataDir: string };
  /** Where the configuration file goes (a temporary directory of the test). */
  dir: string;
  devices?: { deviceId: string; deviceType: string }[];
  graceMs?: number;
  deliveryTimeoutMs?: number;
}

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface PlatformProcess {
  readonly pid: number;
  readonly url: string;
  /** When it logged that it was listening (performance.now()). */
  readonly readyAt: number;
  readonly log: LogLine[];
  /** Sends a signal and notes when (performance.now()). */
  signal(name: NodeJS.Signals): number;
  /** Resolves when the process has exited: its code or signal, and how long after the last signal. */
  readonly exited: Promise<Exit>;
  /** `exited`, or a failure when the process is still running after `timeoutMs`. */
  exitWithin(timeoutMs: number): Promise<Exit>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  afterMs: number;
}

export async function startPlatformProcess(t: Cleanup, options: PlatformProcessOptions): Promise<PlatformProcess> {
  const config = {
    platId: PLATFORM_PLAT_ID,
    listen: { host: '127.0.0.1', port: 0 },
    database: options.database,
    shutdown: { graceMs: options.graceMs ?? 10_000 },
    limits: { deliveryTimeoutMs: options.deliveryTimeoutMs ?? 5_000, requestsPerSecondPerPartner: 100_000 },
    simulation: { tickMs: 86_400_000 },
    partners: options.partners.map((p) => ({ platId: p.platId, appId: p.appId, verifyUrl: p.verifyUrl, dataGatewayUrl: p.dataGatewayUrl })),
    localUsers: [LOCAL_USER],
    devices: options.devices ?? [],
  };
  const file = path.join(options.dir, `platform-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--config', file], {
    cwd: root,
    // DATABASE_URL would override the configuration's store.
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: LogLine[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let signalledAt = Number.NaN;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, afterMs: performance.now() - signalledAt }));
  });
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const listening = new Promise<LogLine>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (text) => {
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { level: 30, msg: text };
      }
      log.push(line);
      if (line.msg === 'platform listening') resolve(line);
    });
    void exited.then(({ code, signal }) => reject(new Error(`the platform exited (${code ?? signal}) before listening:\n${stderr}\n${log.map((l) => JSON.stringify(l)).join('\n')}`)));
  });
  listening.catch(() => undefined);
  const ready = await Promise.race([
    listening,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the platform did not listen within 60 s:\n${stderr}`)), 60_000).unref()),
  ]);
  assert.equal(typeof ready.url, 'string');
  return {
    pid: child.pid!,
    url: ready.url as string,
    readyAt: performance.now(),
    log,
    signal(name) {
      signalledAt = performance.now();
      child.kill(name);
      return signalledAt;
    },
    exited,
    exitWithin: (timeoutMs) =>
      Promise.race([
        exited,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the platform (pid ${child.pid}) was still running ${timeoutMs} ms after the signal`)), timeoutMs).unref()),
      ]),
  };
}
