// A.2.5 device query: devId → devName, devGroup, devAdd.
import type { Gbt43960Handler } from '../../../generated/gbt43960/gbt43960.handlers.ts';
import { callerOf, success, type GbtContext } from './context.ts';

export const device_query: Gbt43960Handler<'device_query', GbtContext> = async ({ body, ctx }) => ({
  status: 200,
  body: { ...success, ...(await ctx.service.queryDevice(callerOf(ctx), body.data.devId)) },
});
