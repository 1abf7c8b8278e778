// Every operation of the platform document, by operationId: a missing handler is a compile error.
import type { CheaaPlatformHandlers } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import type { PlatformContext } from './context.ts';
import { devices_deviceInfo } from './devices_deviceInfo.ts';
import { devices_deviceStatus } from './devices_deviceStatus.ts';
import { devices_modifyDeviceInfo } from './devices_modifyDeviceInfo.ts';
import { devices_op } from './devices_op.ts';
import { user_bindDevices } from './user_bindDevices.ts';
import { user_login } from './user_login.ts';
import { user_logout } from './user_logout.ts';
import { user_unbindDevices } from './user_unbindDevices.ts';
import { user_unregister } from './user_unregister.ts';
import { users_devices } from './users_devices.ts';

export const platformHandlers = {
  user_login,
  user_logout,
  user_unregister,
  user_bindDevices,
  user_unbindDevices,
  users_devices,
  devices_deviceInfo,
  devices_modifyDeviceInfo,
  devices_deviceStatus,
  devices_op,
} satisfies CheaaPlatformHandlers<PlatformContext>;
