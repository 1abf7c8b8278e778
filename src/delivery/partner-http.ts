// Calls to partner platforms (7.1.4 verify, 7.2.8 reports): JSON POST with this platform's
// identity, a timeout, and this platform's certificate when mutual TLS is configured.
import { Agent } from 'undici';

export interface PartnerHttpOptions {
  platId: string;
  timeoutMs: number;
  /** PEM material for mutual TLS towards partners (clause 6.6.1.1). */
  tls?: { cert: string; key: string; ca: string };
  /** The most connections open to one partner (one origin) at once; unbounded when not given. */
  connections?: number;
}

export interface PartnerReply {
  status: number;
  body: { RetCode?: unknown; RetInfo?: unknown } | undefined;
}

export class PartnerCallError extends Error {}

export function partnerHttp(options: PartnerHttpOptions) {
  // The agent keeps a pool per origin, that is per partner: keep-alive connections, reused from
  // one call to the next, and no more of them than the calls that may be in flight to it.
  const dispatcher = new Agent({
    ...(options.connections !== undefined && { connections: options.connections }),
    ...(options.tls && { connect: { ...options.tls } }),
  });
  // undici's own request API, not fetch: fetch's WHATWG streams and composite signals cost more
  // CPU per report than the rest of a delivery (bench profile of 7.2.7 under load).
  const targets = new Map<string, { origin: string; path: string }>();
  const target = (url: string) => {
    let found = targets.get(url);
    if (found === undefined) {
      const parsed = new URL(url);
      found = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      targets.set(url, found);
    }
    return found;
  };
  return {
    /** `signal` gives the call up early (shutdown), besides the timeout. */
    async post(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<PartnerReply> {
      const call = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        call.abort();
      }, options.timeoutMs);
      const giveUp = () => call.abort();
      signal?.addEventListener('abort', giveUp, { once: true });
      const why = (error: unknown) => {
        const e = error as Error & { code?: string };
        return timedOut ? `no answer within ${options.timeoutMs} ms` : signal?.aborted ? 'given up (shutting down)' : (e.code ?? e.message);
      };
      let status: number;
      let text: string;
      try {
        let reply;
        try {
          reply = await dispatcher.request({
            ...target(url),
            method: 'POST',
            headers: { 'content-type': 'application/json;charset=UTF-8', PlatID: options.platId, ...headers },
            body: JSON.stringify(body),
            signal: call.signal,
          });
        } catch (error) {
          throw new PartnerCallError(`${url}: ${why(error)}`);
        }
        status = reply.statusCode;
        // The body can hang as long as the headers could: the same signals bound it.
        text = await reply.body.text().catch((error: unknown) => {
          throw new PartnerCallError(`${url}: the reply broke off (${why(error)})`);
        });
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', giveUp);
      }
      let parsed: PartnerReply['body'];
      try {
        parsed = text ? (JSON.parse(text) as PartnerReply['body']) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status, body: parsed };
    },
    /** At shutdown, when no call may still be waited for: open connections are dropped. */
    close: () => dispatcher.destroy(),
  };
}

export type PartnerHttp = ReturnType<typeof partnerHttp>;
