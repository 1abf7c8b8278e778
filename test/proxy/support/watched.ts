// A proxy for a test: the legs it is given, every judged exchange collected for assertions, closed
// when the test ends.
import type { LegOptions } from '../../../src/proxy/listener.ts';
import { startProxy, type ProxyOptions, type RunningProxy } from '../../../src/proxy/proxy.ts';
import type { Exchange, Violation } from '../../../src/proxy/types.ts';
import type { Cleanup } from '../../support/eventually.ts';

export interface Watched {
  proxy: RunningProxy;
  /** Where A calls B through the proxy (`…/v1`), when that leg runs. */
  readonly aToB: string;
  readonly bToA: string;
  exchanges: Exchange[];
  /** Every violation found so far, late ones included. */
  violations(): Violation[];
  /** The rule ids found, each once, in order. */
  rules(): string[];
}

export type Leg = Omit<LegOptions, 'enforce' | 'maxBodyBytes' | 'upstreamTimeoutMs'>;

export const plainLeg = (leg: Leg['leg'], upstream: string): Leg => ({ leg, host: '127.0.0.1', port: 0, upstream: new URL(upstream) });

export async function startWatched(t: Cleanup, legs: Leg[], options: Omit<ProxyOptions, 'legs'> = {}): Promise<Watched> {
  const exchanges: Exchange[] = [];
  const proxy = await startProxy({ ...options, legs, reporters: [...(options.reporters ?? []), { exchange: (e) => void exchanges.push(e), late: () => undefined }] });
  t.after(() => proxy.close(1000));
  const url = (leg: Leg['leg']) => proxy.legs.find((l) => l.leg === leg)?.url ?? '';
  const violations = () => exchanges.flatMap((e) => e.violations);
  return {
    proxy,
    // Read when asked: a leg may be added after the proxy started.
    get aToB() {
      return url('a-to-b');
    },
    get bToA() {
      return url('b-to-a');
    },
    exchanges,
    violations,
    rules: () => [...new Set(violations().map((v) => v.rule))],
  };
}
