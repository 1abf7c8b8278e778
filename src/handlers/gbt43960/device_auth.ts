// A.2.4 device security authentication: devSign verified as an HMAC (NOTES I-03).
import type { Gbt43960Handler } from '../../../generated/gbt43960/gbt43960.handlers.ts';
import { callerOf, success, type GbtContext } from './context.ts';

export const device_auth: Gbt43960Handler<'device_auth', GbtContext> = async ({ body, ctx }) => {
  await ctx.service.authenticateDevice(callerOf(ctx), body.data.devId, body.data.devSign);
  return { status: 200, body: success };
};
