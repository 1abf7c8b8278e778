// Clause 9 registered interface list (inferred, NOTES I-15).
import type { Gbt43960Handler } from '../../../generated/gbt43960/gbt43960.handlers.ts';
import { callerOf, success, type GbtContext } from './context.ts';

export const interface_list: Gbt43960Handler<'interface_list', GbtContext> = async ({ body, ctx }) => {
  callerOf(ctx);
  return { status: 200, body: { ...success, ...(await ctx.service.listInterfaces(body.data)) } };
};
