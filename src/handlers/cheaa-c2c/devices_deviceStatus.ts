// 7.2.6 device status query: reply item i is the state of request item i (ERRATA E-27).
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import { deviceIds, type PlatformContext } from './context.ts';

export const devices_deviceStatus: CheaaPlatformHandler<'devices_deviceStatus', PlatformContext> = async ({ body, ctx }) => {
  // The token is optional here; one that is sent must be valid and be this user's (ERRATA E-32).
  const devices = await ctx.devices.status(ctx.partner, body.UserID, ctx.accessToken, deviceIds(body.Device));
  return { status: 200, body: { RetCode: '200', RetInfo: 'ok', Device: devices.map((d) => ({ DeviceAttr: d.attrs })) } };
};
