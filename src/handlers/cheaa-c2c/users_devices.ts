// 7.2.3 user device list query, with the filters of table 35.
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import type { PlatformContext } from './context.ts';
import { deviceInfo } from './device-info.ts';

export const users_devices: CheaaPlatformHandler<'users_devices', PlatformContext> = async ({ body, ctx }) => {
  const user = await ctx.accounts.userOf(ctx.partner, body.UserID);
  const filters = (body.Device ?? []).map(({ DeviceInfo: f }) => ({
    deviceId: f.deviceID,
    deviceType: f.deviceType,
    model: f.model,
    manufacturer: f.manufacturer,
    brand: f.brand,
    accessWay: f.accessWay,
  }));
  const devices = await ctx.devices.list(user, filters);
  return { status: 200, body: { RetCode: '200', RetInfo: 'ok', Device: devices.map((d) => ({ DeviceInfo: deviceInfo(d) })) } };
};
