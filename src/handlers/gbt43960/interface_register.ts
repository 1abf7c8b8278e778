// Clause 9 interface registration (inferred, NOTES I-15).
import type { Gbt43960Handler } from '../../../generated/gbt43960/gbt43960.handlers.ts';
import { callerOf, success, type GbtContext } from './context.ts';

export const interface_register: Gbt43960Handler<'interface_register', GbtContext> = async ({ body, ctx }) => ({
  status: 200,
  body: { ...success, ...(await ctx.service.registerInterface(callerOf(ctx), body.data)) },
});
