// A loopback TCP proxy a fault test puts between the platform and PostgreSQL, to make the
// database fail without touching the server: `cut()` resets every connection and refuses new
// ones (a crashed or stopped server), `pause()` stops forwarding in both directions while keeping
// connections open (a hung server: SIGSTOP, a partition), `restore()` ends either.
//
//   const proxy = await startTcpProxy(t, { host: '127.0.0.1', port: 5432 });
//   const url = proxy.rewrite(postgresUrl);   // the same database, through the proxy
import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Cleanup } from './eventually.ts';

export interface TcpProxy {
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string;
  cut(): void;
  pause(): void;
  restore(): void;
  /** Connections accepted so far. */
  readonly accepted: number;
}

interface Pair {
  client: Socket;
  server: Socket | undefined;
}

export async function startTcpProxy(t: Cleanup, target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let state: 'open' | 'cut' | 'paused' = 'open';
  let accepted = 0;

  const connectUpstream = (pair: Pair) => {
    const server = createConnection(target);
    pair.server = server;
    pair.client.pipe(server);
    server.pipe(pair.client);
    server.on('error', () => pair.client.destroy());
    server.on('close', () => pair.client.destroy());
    pair.client.resume();
  };

  const listener = createServer({ pauseOnConnect: true }, (client) => {
    accepted += 1;
    client.on('error', () => undefined);
    if (state === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, server: undefined };
    pairs.add(pair);
    client.on('close', () => {
      pairs.delete(pair);
      pair.server?.destroy();
    });
    // A hung server still completes the TCP handshake (the kernel does), then says nothing.
    if (state === 'open') connectUpstream(pair);
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  t.after(async () => {
    for (const pair of pairs) {
      pair.client.destroy();
      pair.server?.destroy();
    }
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  });

  return {
    port,
    get accepted() {
      return accepted;
    },
    rewrite(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    cut() {
      state = 'cut';
      for (const pair of pairs) {
        pair.client.resetAndDestroy();
        pair.server?.destroy();
      }
      pairs.clear();
    },
    pause() {
      state = 'paused';
      for (const { client, server } of pairs) {
        client.unpipe();
        server?.unpipe();
        client.pause();
        server?.pause();
      }
    },
    restore() {
      const was = state;
      state = 'open';
      if (was !== 'paused') return;
      for (const pair of pairs) {
        if (pair.server === undefined) {
          connectUpstream(pair);
          continue;
        }
        pair.client.pipe(pair.server);
        pair.server.pipe(pair.client);
      }
    },
  };
}
