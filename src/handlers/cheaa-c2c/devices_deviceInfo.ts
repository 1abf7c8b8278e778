// 7.2.4 device information query: only devices bound to the user.
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import { deviceIds, type PlatformContext } from './context.ts';
import { deviceInfo } from './device-info.ts';

export const devices_deviceInfo: CheaaPlatformHandler<'devices_deviceInfo', PlatformContext> = async ({ body, ctx }) => {
  const user = await ctx.accounts.userOf(ctx.partner, body.UserID);
  const devices = await ctx.devices.bound(user, deviceIds(body.Device));
  return { status: 200, body: { RetCode: '200', RetInfo: 'ok', Device: devices.map((d) => ({ DeviceInfo: deviceInfo(d) })) } };
};
