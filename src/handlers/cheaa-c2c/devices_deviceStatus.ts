// 7.2.6 device status query: reply item i is the state of request item i (ERRATA E-27).
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import { refuse, RetCodes } from '../../domain/errors.ts';
import { deviceIds, type PlatformContext } from './context.ts';

export const devices_deviceStatus: CheaaPlatformHandler<'devices_deviceStatus', PlatformContext> = async ({ body, ctx }) => {
  const user = await ctx.accounts.userOf(ctx.partner, body.UserID);
  // The token is optional here; one that is sent must be valid and be this user's (ERRATA E-32).
  if (ctx.accessToken !== undefined) {
    const owner = await ctx.accounts.authenticate(ctx.partner, ctx.accessToken);
    if (owner.userId !== user.userId) refuse(RetCodes.TokenInvalid, `AccessToken does not belong to user ${body.UserID}`);
  }
  const devices = await ctx.devices.bound(user, deviceIds(body.Device));
  return { status: 200, body: { RetCode: '200', RetInfo: 'ok', Device: devices.map((d) => ({ DeviceAttr: d.attrs })) } };
};
