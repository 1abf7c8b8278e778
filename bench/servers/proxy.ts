// The proxy (src/proxy) in front of a platform, as `cloud-interop proxy` runs it in watch mode:
// one A → B leg over plain HTTP to the upstream the orchestrator names, every exchange checked
// (documents and rules), no console output (the CLI's lines would measure the terminal).
import { startProxy } from '../../src/proxy/proxy.ts';
import { announceReady } from '../lib/ipc.ts';
import { PROXY_UPSTREAM_ENV as UPSTREAM_ENV } from '../lib/platform-config.ts';

const upstream = process.env[UPSTREAM_ENV];
if (!upstream) throw new Error(`${UPSTREAM_ENV} names the platform the proxy forwards to`);
const proxy = await startProxy({ legs: [{ leg: 'a-to-b', host: '127.0.0.1', port: 0, upstream: new URL(upstream) }] });

process.once('SIGTERM', () => {
  void proxy.close(1000).then(() => process.exit(0));
});

announceReady(Number(new URL(proxy.legs[0]!.url).port));
