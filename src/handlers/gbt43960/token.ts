// Clause 9 (inferred, NOTES I-13): a registered application's credentials for an access_token.
import type { Gbt43960Handler } from '../../../generated/gbt43960/gbt43960.handlers.ts';
import { success, type GbtContext } from './context.ts';

export const token: Gbt43960Handler<'token', GbtContext> = async ({ body, ctx }) => ({
  status: 200,
  body: { ...success, ...(await ctx.service.issueToken(body.userId, body.data.appId, body.data.appSecret)) },
});
