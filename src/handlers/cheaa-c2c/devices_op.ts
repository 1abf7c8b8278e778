// 7.2.7 device operation: needs the user's AccessToken, works on bound devices only.
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import { refuse, RetCodes } from '../../domain/errors.ts';
import type { PlatformContext } from './context.ts';

export const devices_op: CheaaPlatformHandler<'devices_op', PlatformContext> = async ({ body, ctx }) => {
  const user = await ctx.accounts.authenticate(ctx.partner, ctx.accessToken);
  if (user.userId !== body.UserID) refuse(RetCodes.TokenInvalid, `AccessToken does not belong to user ${body.UserID}`);
  await ctx.devices.operate(
    user,
    body.Device.map((d) => ({ deviceId: d.DeviceInfo.deviceID!, attrs: d.DeviceAttr as Record<string, string> })),
  );
  return { status: 200, body: { RetCode: '200', RetInfo: 'ok' } };
};
