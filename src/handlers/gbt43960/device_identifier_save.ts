// A.2.7 device identifier save (inferred, NOTES I-11).
import type { Gbt43960Handler } from '../../../generated/gbt43960/gbt43960.handlers.ts';
import { callerOf, success, type GbtContext } from './context.ts';

export const device_identifier_save: Gbt43960Handler<'device_identifier_save', GbtContext> = async ({ body, ctx }) => {
  await ctx.service.saveIdentifier(callerOf(ctx), body.data.devId, body.data.devIdentifier);
  return { status: 200, body: success };
};
