// How the test partner misbehaves when a test asks it to: the behaviours a test names, and the
// partner kit's beforeHandler step that plays one on a validated request.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Request } from 'express';
import { InteropError, RetCodes, type PartnerOperationId } from '../../src/sdk/index.ts';

/**
 * How the test partner answers: `answer` as a partner should (verify from its `users` table, the
 * gateway with RetCode 200); `refuse` with a refusal (verify: 4011; gateway: 503); `fail500` with
 * HTTP 500; `slow` only after `slowMs`, later than the platform waits; `drop` by closing the
 * connection without a reply.
 */
export type PartnerBehaviour = 'answer' | 'refuse' | 'fail500' | 'slow' | 'drop';

/**
 * Plays `behaviour` on a request the kit validated: resolves true when the kit is to go on to its
 * callback (`answer`, and `slow` once it waited), false when the request ends here (dropped, or
 * `slow` cut short by `signal` as the partner closes); throws the refusal the kit renders.
 */
export async function play(behaviour: PartnerBehaviour, operationId: PartnerOperationId | undefined, req: Request, slow: { ms: number; signal: AbortSignal }): Promise<boolean> {
  switch (behaviour) {
    case 'answer':
      return true;
    case 'slow':
      try {
        await sleep(slow.ms, undefined, { signal: slow.signal });
      } catch {
        return false;
      }
      return true;
    case 'drop':
      req.socket.destroy();
      return false;
    case 'fail500':
      throw new InteropError(RetCodes.InternalError, 'internal error (test partner)');
    case 'refuse':
      if (operationId === 'user_verify') throw new InteropError(RetCodes.TokenInvalid, 'AuthToken is not valid');
      throw new InteropError(RetCodes.Unavailable, 'the partner is not taking reports now');
  }
}
