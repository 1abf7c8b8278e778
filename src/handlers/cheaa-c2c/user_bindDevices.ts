// 7.2.1 device bind: per device, with FailedIDs.
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import { batchReply, deviceIds, type PlatformContext } from './context.ts';

export const user_bindDevices: CheaaPlatformHandler<'user_bindDevices', PlatformContext> = async ({ body, ctx }) => {
  const user = await ctx.accounts.userOf(ctx.partner, body.UserID);
  const { failures } = await ctx.devices.bind(user, deviceIds(body.Device));
  return batchReply(body.Device.length, failures);
};
