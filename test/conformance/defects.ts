// Seeded defects for the conformance kit's own tests: an HTTP proxy in front of the real
// reference platform that changes the observable behaviour of exactly one thing, so src/ stays
// correct and each defect is one small, readable function.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  /** The path after the apiVersion, e.g. `/devices/op`. */
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface ProxiedReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface Defect {
  /** What a vendor's bug would look like, in the words of issue 7. */
  name: string;
  /** Answer without asking the platform. */
  intercept?(request: ProxiedRequest): ProxiedReply | undefined;
  /** Change the platform's reply. */
  rewrite?(request: ProxiedRequest, reply: ProxiedReply): ProxiedReply;
}

type ResultBody = { RetCode?: unknown; RetInfo?: unknown; FailedIDs?: unknown; Device?: unknown[] };
const json = (status: number, body: unknown): ProxiedReply => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body });

/** 7.2.7: the platform answers RetCode 200 where it refuses an operation on a device not bound to the user (4031). */
export const opOnUnboundDeviceAccepted: Defect = {
  name: 'op on an unbound device accepted',
  rewrite: (request, reply) => (request.path === '/devices/op' && (reply.body as ResultBody).RetCode === '4031' ? json(200, { RetCode: '200', RetInfo: 'ok' }) : reply),
};

/** 7.2.1 / 7.2.2: FailedIDs comes back empty although devices failed. */
export const failedIdsEmptied: Defect = {
  name: 'FailedIDs empty on failure',
  rewrite: (request, reply) => {
    const body = reply.body as ResultBody;
    const batch = request.path === '/user/bindDevices' || request.path === '/user/unbindDevices';
    return batch && Array.isArray(body.FailedIDs) && body.FailedIDs.length > 0 ? { ...reply, body: { ...body, FailedIDs: [] } } : reply;
  },
};

/** 6.5.2.1: RetCode sent as a JSON number (in the 7.2.6 status replies). */
export const retCodeAsNumber: Defect = {
  name: 'RetCode sent as a number',
  rewrite: (request, reply) => {
    const body = reply.body as ResultBody;
    return request.path === '/devices/deviceStatus' && typeof body.RetCode === 'string' ? { ...reply, body: { ...body, RetCode: Number(body.RetCode) } } : reply;
  },
};

/** 7.1.2: logout answers 200 without destroying the token, which stays valid. */
export const tokenValidAfterLogout: Defect = {
  name: 'token still valid after logout',
  intercept: (request) => (request.path === '/user/logout' && typeof request.headers.accesstoken === 'string' ? json(200, { RetCode: '200', RetInfo: '退出成功。' }) : undefined),
};

/** 7.2.3: the unfiltered device list also shows a device bound to another user. */
export function otherUsersDeviceListed(device: { deviceID: string; deviceType: string }): Defect {
  return {
    name: "another user's device visible",
    rewrite: (request, reply) => {
      const body = reply.body as ResultBody;
      const unfiltered = (request.body as { Device?: unknown } | null)?.Device === undefined;
      if (request.path !== '/users/devices' || !unfiltered || body.RetCode !== '200' || !Array.isArray(body.Device)) return reply;
      return { ...reply, body: { ...body, Device: [...body.Device, { DeviceInfo: { ...device, name: null } }] } };
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function parse(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Headers a proxy must not copy: they describe one hop, or a body it may have changed. */
const hopHeaders = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** A proxy to `upstream` (`http://host:port/v1`) applying `defect`; resolves to its own `…/v1` URL. */
export async function startDefectProxy(upstream: string, defect: Defect): Promise<{ url: string; close(): Promise<void> }> {
  const base = new URL(upstream);
  const prefix = base.pathname.replace(/\/$/, '');
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const request: ProxiedRequest = { path: (req.url ?? '').slice(prefix.length), headers: req.headers, body: parse(raw) };
      let reply = defect.intercept?.(request);
      if (!reply) {
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([name, v]) => !hopHeaders.has(name) && typeof v === 'string')) as Record<string, string>;
        const answer = await fetch(new URL(req.url ?? '/', base.origin), { method: req.method ?? 'POST', headers, ...(raw.length > 0 ? { body: raw } : {}) });
        const text = await answer.text();
        const replyHeaders: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (!hopHeaders.has(name)) replyHeaders[name] = value;
        });
        reply = { status: answer.status, headers: replyHeaders, body: text === '' ? undefined : (parse(Buffer.from(text)) ?? text) };
        reply = defect.rewrite?.(request, reply) ?? reply;
      }
      const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(text) });
      res.end(text);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`defect proxy: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
