// 7.2.2 device unbind: per device, with FailedIDs.
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import { batchReply, deviceIds, type PlatformContext } from './context.ts';

export const user_unbindDevices: CheaaPlatformHandler<'user_unbindDevices', PlatformContext> = async ({ body, ctx }) => {
  const user = await ctx.accounts.userOf(ctx.partner, body.UserID);
  const { failures } = await ctx.devices.unbind(user, deviceIds(body.Device));
  return batchReply(body.Device.length, failures);
};
