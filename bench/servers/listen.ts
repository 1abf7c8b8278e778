// Starts a request listener over plain HTTP, or mutual TLS when the orchestrator passed the PKI,
// on an ephemeral loopback port.
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serverTlsFromEnv } from '../lib/tls-env.ts';

export async function listen(handler: RequestListener): Promise<{ server: Server; port: number }> {
  const tls = serverTlsFromEnv();
  const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  // The platform's own setting (src/platform.ts), so keep-alive behaves alike in every server.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
