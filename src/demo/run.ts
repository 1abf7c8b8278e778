// `cloud-interop demo`: a throwaway PKI, two platforms on loopback, the two scenarios, and
// everything removed again. Resolves to the exit status: 0 only when every step succeeded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Output } from '../terminal.ts';
import { createPlatformClient } from '../sdk/index.ts';
import { demoPki } from './certificates.ts';
import { demoSnapshot } from './store-snapshot.ts';
import { A, B, startDemoPlatforms, type DemoPlatforms } from './platforms.ts';
import { linkage, remoteControl } from './scenarios.ts';
import { Timeline } from './timeline.ts';

export interface DemoOptions {
  /** Simulation step of the appliances (ms): the wash cycle takes three. */
  tickMs: number;
  /** Platform logs (pino level) on stderr; 'silent' keeps the narration alone. */
  logLevel: string;
  /** Longest wait for something B does on its own. */
  waitMs: number;
}

export async function runDemo(out: Output, err: Output, options: DemoOptions): Promise<number> {
  const timeline = new Timeline(out);
  const log = pino({ name: 'demo', level: options.logLevel }, pino.destination(2));
  const dir = await mkdtemp(path.join(tmpdir(), 'cloud-interop-demo-'));
  let platforms: DemoPlatforms | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => {
    cleaning ??= (async () => {
      await platforms?.close().catch((error: unknown) => timeline.fail('shutting the platforms down', error));
      // The keys were for this run only.
      await rm(dir, { recursive: true, force: true });
    })();
    return cleaning;
  };
  // Stopped half-way (Ctrl-C, SIGTERM): the platforms stop and the keys go all the same.
  const interrupted = (signal: NodeJS.Signals) => {
    err.write(`\n${err.style.red(`demo interrupted by ${signal}`)}: stopping the platforms and removing ${dir}\n`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    timeline.heading('Setting up: two CHEAA platforms on loopback, mutual TLS with certificates made now');
    const pki = await timeline.step(
      { route: '', api: '6.6.1.1 mutual TLS', what: `a throwaway CA and one certificate per platform (CN = PlatID) in ${dir}` },
      () => demoPki(dir, [A.platId, B.platId]),
      (leaves) => [...leaves.keys()].join(', '),
    );
    const { snapshot } = await timeline.step(
      { route: '', api: 'store', what: 'a migrated PGlite store, copied for each platform' },
      () => demoSnapshot(),
      (s) => `${Math.round(s.snapshot.byteLength / 1024)} KiB snapshot${s.cached ? ' (cached)' : ''}`,
    );
    platforms = await timeline.step(
      { route: '', api: 'platforms', what: `A = ${A.platId} (user's cloud, air conditioner), B = ${B.platId} (washing machine, air purifier)` },
      () => startDemoPlatforms({ dir, pki, log, snapshot, tickMs: options.tickMs }),
      (p) => `A at ${p.a.platform.url}, B at ${p.b.platform.url}`,
    );
    const tls = pki.get(A.platId)!.pem;
    const client = createPlatformClient({ baseUrl: platforms.b.platform.url, platId: A.platId, appId: A.appId, tls, timeoutMs: 5000 });
    try {
      const ctx = { platforms, client, timeline, waitMs: options.waitMs };
      const session = await remoteControl(ctx).catch((error: unknown) => timeline.fail('scenario 1', error));
      if (session) await linkage(ctx, session).catch((error: unknown) => timeline.fail('scenario 2', error));
      else timeline.fail('scenario 2', new Error('not played: it needs the login and binding of scenario 1'));
    } finally {
      await client.close();
    }
  } catch (error) {
    timeline.fail('setup', error);
  } finally {
    await cleanUp();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  if (timeline.failures.length > 0) {
    err.write(`\n${err.style.red(`demo failed: ${timeline.failures.length} step(s) did not succeed:`)}\n${timeline.failures.map((f) => `  - ${f}\n`).join('')}Run with --verbose to see the platforms' logs.\n`);
    return 1;
  }
  out.write(`\n${out.style.green('Every step succeeded.')} The certificates and stores were temporary and are gone.\n`);
  return 0;
}
