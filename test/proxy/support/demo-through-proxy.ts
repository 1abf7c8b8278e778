// The two-cloud demo (src/demo) with the proxy between its platforms, both directions, over mutual
// TLS: A's SDK client calls the proxy's A → B listener, which presents A's certificate to B; B's
// partner URLs for A point at the proxy's B → A listener, which presents B's certificate to A.
// The proxy serves a certificate of its own from the demo's throwaway CA. Each platform's request
// log is kept, to count what really reached it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoPki } from '../../../src/demo/certificates.ts';
import { A, B, freePort, startDemoPlatforms } from '../../../src/demo/platforms.ts';
import { linkage, remoteControl } from '../../../src/demo/scenarios.ts';
import { demoSnapshot } from '../../../src/demo/store-snapshot.ts';
import { Timeline } from '../../../src/demo/timeline.ts';
import { createPlatformClient } from '../../../src/sdk/index.ts';
import type { Cleanup } from '../../support/eventually.ts';
import { capturedLog, type CapturedLine } from '../../support/log-capture.ts';
import { startWatched, type Watched } from './watched.ts';

export interface DemoRun {
  watched: Watched;
  /** Stops both platforms (once), so that nothing more crosses the proxy. */
  stopPlatforms(): Promise<void>;
  /** The demo's narration, and the steps that failed. */
  narration: string;
  failures: string[];
  /** The `request` lines both platforms logged: what reached them. */
  served: CapturedLine[];
}

const PROXY = 'interop-proxy';
const plain = { bold: (s: string) => s, dim: (s: string) => s, red: (s: string) => s, green: (s: string) => s };

export async function demoThroughProxy(t: Cleanup, options: { reportTimeoutMs: number }): Promise<DemoRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloud-interop-proxy-demo-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const pki = await demoPki(dir, [A.platId, B.platId, PROXY]);
  const pem = (name: string) => pki.get(name)!.pem;
  const ports = { a: await freePort(), b: await freePort() };
  const serverTls = pem(PROXY);
  const watched = await startWatched(
    t,
    [
      { leg: 'a-to-b', host: '127.0.0.1', port: 0, upstream: new URL(`https://127.0.0.1:${ports.b}/v1`), serverTls, clientTls: pem(A.platId) },
      { leg: 'b-to-a', host: '127.0.0.1', port: 0, upstream: new URL(`https://127.0.0.1:${ports.a}/v1`), serverTls, clientTls: pem(B.platId) },
    ],
    { reportTimeoutMs: options.reportTimeoutMs },
  );
  const { log, lines } = capturedLog('info');
  const { snapshot } = await demoSnapshot();
  const platforms = await startDemoPlatforms({ dir, pki, log, snapshot, tickMs: 100, ports, aBaseForB: watched.bToA });
  let stopping: Promise<void> | undefined;
  const stopPlatforms = () => (stopping ??= platforms.close());
  t.after(stopPlatforms);
  let narration = '';
  const timeline = new Timeline({ write: (text) => void (narration += text), style: plain });
  const client = createPlatformClient({ baseUrl: watched.aToB, platId: A.platId, appId: A.appId, tls: pem(A.platId), timeoutMs: 5000 });
  try {
    const ctx = { platforms, client, timeline, waitMs: 10_000 };
    const session = await remoteControl(ctx).catch((error: unknown) => timeline.fail('scenario 1', error));
    if (session) await linkage(ctx, session).catch((error: unknown) => timeline.fail('scenario 2', error));
  } finally {
    await client.close();
  }
  return { watched, stopPlatforms, narration, failures: timeline.failures, served: lines.filter((l) => l.msg === 'request') };
}
