// What every GB/T 43960 handler gets: the service, and the caller the body token identified.
import type { Caller, GbtService } from '../../domain/gbt43960/service.ts';

export interface GbtContext {
  service: GbtService;
  /** Set for every operation with x-body-token, by the token middleware, before the handler runs. */
  caller: Caller | undefined;
}

export function callerOf(ctx: GbtContext): Caller {
  // The router checks the token of every x-body-token operation first; reaching here without a
  // caller means an operation lost its x-body-token, which must not pass silently.
  if (!ctx.caller) throw new Error('GB/T handler reached without an authenticated caller');
  return ctx.caller;
}

export const success = { status: 200 as const, msg: 'success' };
