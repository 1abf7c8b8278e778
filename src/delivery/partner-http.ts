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
  return {
    /** `signal` gives the call up early (shutdown), besides the timeout. */
    async post(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<PartnerReply> {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json;charset=UTF-8', PlatID: options.platId, ...headers },
          body: JSON.stringify(body),
          signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
          dispatcher,
        } as RequestInit);
      } catch (error) {
        const e = error as Error & { cause?: { code?: string; message?: string } };
        const why = timeout.aborted ? `no answer within ${options.timeoutMs} ms` : signal?.aborted ? 'given up (shutting down)' : (e.cause?.code ?? e.cause?.message ?? e.message);
        throw new PartnerCallError(`${url}: ${why}`);
      }
      // The body can hang as long as the headers could: the same signals bound it.
      const text = await res.text().catch((error: Error) => {
        throw new PartnerCallError(`${url}: the reply broke off (${timeout.aborted ? `no answer within ${options.timeoutMs} ms` : error.message})`);
      });
      let parsed: PartnerReply['body'];
      try {
        parsed = text ? (JSON.parse(text) as PartnerReply['body']) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, body: parsed };
    },
    /** At shutdown, when no call may still be waited for: open connections are dropped. */
    close: () => dispatcher.destroy(),
  };
}

export type PartnerHttp = ReturnType<typeof partnerHttp>;
