// 7.2.7 device operation: needs the user's AccessToken, works on bound devices only.
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import type { PlatformContext } from './context.ts';

export const devices_op: CheaaPlatformHandler<'devices_op', PlatformContext> = async ({ body, ctx }) => {
  await ctx.devices.operateAs(
    ctx.partner,
    body.UserID,
    ctx.accessToken,
    body.Device.map((d) => ({ deviceId: d.DeviceInfo.deviceID, attrs: d.DeviceAttr as Record<string, string> })),
  );
  return { status: 200, body: { RetCode: '200', RetInfo: 'ok' } };
};
