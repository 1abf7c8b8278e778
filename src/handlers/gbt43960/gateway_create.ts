// A.2.6 edge gateway creation (code lists and commUrl: NOTES I-07 … I-10).
import type { Gbt43960Handler } from '../../../generated/gbt43960/gbt43960.handlers.ts';
import { callerOf, success, type GbtContext } from './context.ts';

export const gateway_create: Gbt43960Handler<'gateway_create', GbtContext> = async ({ body, ctx }) => ({
  status: 200,
  body: { ...success, ...(await ctx.service.createGateway(callerOf(ctx), body.data)) },
});
