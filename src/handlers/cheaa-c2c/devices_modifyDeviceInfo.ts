// 7.2.5 device information modify: DeviceInfo fields of bound devices, all or none (ERRATA E-20).
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import type { PlatformContext } from './context.ts';

export const devices_modifyDeviceInfo: CheaaPlatformHandler<'devices_modifyDeviceInfo', PlatformContext> = async ({ body, ctx }) => {
  const user = await ctx.accounts.userOf(ctx.partner, body.UserID);
  await ctx.devices.modify(
    user,
    body.Device.map(({ DeviceInfo: d }) => ({
      deviceId: d.deviceID,
      fields: { deviceType: d.deviceType, model: d.model, manufacturer: d.manufacturer, brand: d.brand, accessWay: d.accessWay },
    })),
  );
  return { status: 200, body: { RetCode: '200', RetInfo: 'ok' } };
};
