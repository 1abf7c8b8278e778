// One leg of the proxy: a listener where one platform calls the other, forwarding each request to
// the other's real address over a keep-alive undici pool and returning its reply byte for byte
// (headers minus the hop-by-hop ones). Mutual TLS on both sides when configured: the proxy's own
// certificate towards callers (whose certificate it requires), the configured client certificate
// upstream. The exchange is checked after the reply went out; with `enforce`, an invalid request
// is refused in the standard's body before it is forwarded.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { retCodeHttpStatus } from '../../generated/cheaa-c2c/platform.retcodes.ts';
import { cheaaFailure } from '../sdk/error-replies.ts';
import { operationAt, requestRefusal, type ProxiedOperation } from './document-check.ts';
import type { Exchange, Leg, SeenMessage } from './types.ts';

export interface PemFiles {
  cert: string;
  key: string;
  ca: string;
}

export interface LegOptions {
  leg: Leg;
  host: string;
  port: number;
  /** The real platform's base URL; request paths are forwarded unchanged to its origin. */
  upstream: URL;
  /** Towards callers: the proxy's server certificate and the CA their client certificates must chain to. */
  serverTls?: PemFiles;
  /** Towards the upstream: the client certificate presented for the caller, and the CA of the upstream's certificate. */
  clientTls?: PemFiles;
  enforce: boolean;
  /** The largest request or reply body handled (bytes). */
  maxBodyBytes: number;
  /** How long the upstream may take for headers, and again for the body (ms). */
  upstreamTimeoutMs: number;
}

/** What the leg hands over for checking once the reply has gone out. */
export type ExchangeSink = (exchange: Exchange, op: ProxiedOperation | undefined, tls: boolean) => void;

// RFC 9110 section 7.6.1: these describe one connection, not the message.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

function endToEnd(headers: IncomingMessage['headers'] | Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

const flat = (headers: Record<string, string | string[] | undefined>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
};

export function seen(headers: Record<string, string>, raw: Buffer): SeenMessage {
  if (raw.length === 0) return { headers, body: undefined };
  try {
    return { headers, body: JSON.parse(raw.toString('utf8')) as unknown };
  } catch (error) {
    return { headers, body: undefined, unparsable: (error as Error).message };
  }
}

class TooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new TooLarge(`request body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, retCode: keyof typeof retCodeHttpStatus, retInfo: string): { status: number; raw: Buffer } {
  const raw = Buffer.from(JSON.stringify({ RetCode: retCode, RetInfo: retInfo }));
  const status = retCodeHttpStatus[retCode];
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': raw.length });
  res.end(raw);
  return { status, raw };
}

export interface RunningLeg {
  leg: Leg;
  /** Where callers reach it, with the upstream's base path, e.g. `https://127.0.0.1:9443/v1`. */
  url: string;
  server: Server;
  /** Stops taking requests, lets those in flight finish within `graceMs`, then cuts them off. */
  close(graceMs: number): Promise<void>;
}

export async function startLeg(options: LegOptions, sink: ExchangeSink): Promise<RunningLeg> {
  const { leg, upstream, enforce } = options;
  const tls = options.serverTls !== undefined;
  const pool = new Pool(upstream.origin, {
    connections: 128,
    headersTimeout: options.upstreamTimeoutMs,
    bodyTimeout: options.upstreamTimeoutMs,
    ...(options.clientTls && { connect: { cert: options.clientTls.cert, key: options.clientTls.key, ca: options.clientTls.ca } }),
  });
  let inFlight = 0;
  let drained: (() => void) | undefined;
  let closing: Promise<void> | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const started = performance.now();
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const op = operationAt(leg, path);
    const exchange: Exchange = {
      seq: 0,
      leg,
      operationId: op?.operation.operationId,
      clause: op?.clause ?? '6.3',
      method: req.method ?? 'POST',
      path,
      at,
      request: { headers: {}, body: undefined },
      latencyMs: 0,
      upstreamMs: 0,
      violations: [],
    };
    let requestRaw: Buffer;
    try {
      requestRaw = await readBody(req, options.maxBodyBytes);
    } catch (error) {
      if (error instanceof TooLarge && !res.headersSent) answer(res, '413', error.message);
      return;
    }
    const requestHeaders = flat(req.headers);
    if (enforce && op) {
      exchange.request = seen(requestHeaders, requestRaw);
      const refusal = requestRefusal(op, exchange.request, tls);
      if (refusal) {
        const { retCode, retInfo } = cheaaFailure(refusal);
        answer(res, retCode, `refused by the proxy (--enforce): ${retInfo}`);
        exchange.refused = true;
        exchange.failure = `refused by the proxy: ${retInfo}`;
        exchange.latencyMs = performance.now() - started;
        sink(exchange, op, tls);
        return;
      }
    }
    const upstreamStarted = performance.now();
    let status: number;
    let replyHeaders: Record<string, string | string[] | undefined>;
    let replyRaw: Buffer;
    try {
      const reply = await pool.request({ path: url, method: exchange.method as 'POST', headers: endToEnd(req.headers), body: requestRaw.length > 0 ? requestRaw : null });
      status = reply.statusCode;
      replyHeaders = reply.headers;
      replyRaw = Buffer.from(await reply.body.arrayBuffer());
    } catch (error) {
      const e = error as Error & { code?: string };
      exchange.failure = `${upstream.origin}: ${e.code ?? e.message}`;
      if (!res.headersSent) answer(res, '502', `the proxy could not reach the upstream platform (${e.code ?? e.message})`);
      exchange.request = seen(requestHeaders, requestRaw);
      exchange.latencyMs = exchange.upstreamMs = performance.now() - upstreamStarted;
      sink(exchange, op, tls);
      return;
    }
    const upstreamMs = performance.now() - upstreamStarted;
    res.writeHead(status, { ...endToEnd(replyHeaders), 'content-length': replyRaw.length });
    res.end(replyRaw);
    // The reply is on its way: everything below is the checker's, in this same turn of the event
    // loop, so the exchange is judged before the caller's next request can be read.
    exchange.latencyMs = performance.now() - started;
    exchange.upstreamMs = upstreamMs;
    if (!enforce || !op) exchange.request = seen(requestHeaders, requestRaw);
    exchange.reply = { ...seen(flat(replyHeaders), replyRaw), status };
    const retCode = (exchange.reply.body as { RetCode?: unknown } | undefined)?.RetCode;
    if (typeof retCode === 'string') exchange.retCode = retCode;
    sink(exchange, op, tls);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    handle(req, res)
      .catch(() => {
        if (!res.headersSent) answer(res, '5000', 'the proxy failed on this exchange');
        else res.destroy();
      })
      .finally(() => {
        inFlight -= 1;
        if (inFlight === 0) drained?.();
      });
  };
  const server: Server = options.serverTls
    ? createHttpsServer({ ...options.serverTls, requestCert: true, rejectUnauthorized: true }, onRequest)
    : createHttpServer(onRequest);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, options.host, () => resolve()));
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const base = upstream.pathname.replace(/\/+$/, '');
  return {
    leg,
    url: `${tls ? 'https' : 'http'}://${host}:${port}${base}`,
    server,
    close: (graceMs) => (closing ??= stop(graceMs)),
  };

  async function stop(graceMs: number): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (inFlight > 0) {
      const timer = setTimeout(() => drained?.(), graceMs);
      await new Promise<void>((resolve) => (drained = resolve));
      clearTimeout(timer);
    }
    server.closeAllConnections();
    await closed;
    await pool.close();
  }
}
