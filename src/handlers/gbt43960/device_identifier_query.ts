// A.2.7 device identifier query (inferred, NOTES I-12).
import type { Gbt43960Handler } from '../../../generated/gbt43960/gbt43960.handlers.ts';
import { callerOf, success, type GbtContext } from './context.ts';

export const device_identifier_query: Gbt43960Handler<'device_identifier_query', GbtContext> = async ({ body, ctx }) => ({
  status: 200,
  body: { ...success, ...(await ctx.service.queryIdentifier(callerOf(ctx), body.data)) },
});
