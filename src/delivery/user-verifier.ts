// 7.1.4 from the B side: ask the partner's user verify interface whether the user is theirs.
import type { UserVerifier } from '../domain/accounts.ts';
import { InteropError, refuse, RetCodes } from '../domain/errors.ts';
import type { Partner } from '../domain/model.ts';
import { PartnerCallError, type PartnerHttp } from './partner-http.ts';

/** Told of every verify call: its outcome and how long it took (metrics). */
export type VerifyObserver = (platId: string, outcome: 'accepted' | 'refused' | 'failed', seconds: number) => void;

export function userVerifier(http: PartnerHttp, observe?: VerifyObserver): UserVerifier {
  return {
    async verify(partner, request) {
      const started = performance.now();
      try {
        await ask(partner, request);
        observe?.(partner.platId, 'accepted', (performance.now() - started) / 1000);
      } catch (error) {
        const refused = error instanceof InteropError && error.retCode === RetCodes.UserVerifyRefused;
        observe?.(partner.platId, refused ? 'refused' : 'failed', (performance.now() - started) / 1000);
        throw error;
      }
    },
  };

  async function ask(partner: Partner, { loginId, authToken }: { loginId: string; authToken: string }): Promise<void> {
    let reply;
    try {
      reply = await http.post(partner.verifyUrl, { User: [{ UserBase: { loginID: loginId } }], AuthToken: authToken });
    } catch (error) {
      if (error instanceof PartnerCallError) refuse(RetCodes.PartnerUnreachable, `the user verify interface of ${partner.platId} failed: ${error.message}`);
      throw error;
    }
    if (reply.body?.RetCode === '200') return;
    if (reply.body?.RetCode === undefined) {
      refuse(RetCodes.PartnerUnreachable, `the user verify interface of ${partner.platId} answered HTTP ${reply.status} without a RetCode`);
    }
    // A server error of the partner's own says nothing about the user: not a refusal (4032).
    if (reply.status >= 500) {
      refuse(RetCodes.PartnerUnreachable, `the user verify interface of ${partner.platId} failed: HTTP ${reply.status} RetCode ${String(reply.body.RetCode)}`);
    }
    refuse(RetCodes.UserVerifyRefused, `${partner.platId} refused user ${loginId}: RetCode ${String(reply.body.RetCode)} ${String(reply.body.RetInfo ?? '')}`.trim());
  }
}
