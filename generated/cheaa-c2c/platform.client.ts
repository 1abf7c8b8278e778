// Generated from openapi/cheaa-c2c/platform.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import createClient, { type ClientOptions, type MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from './platform.types.ts';

export type CheaaPlatformPaths = paths;

/** A typed client of openapi/cheaa-c2c/platform.yaml: one function per operationId, over openapi-fetch. */
export function createCheaaPlatformClient(options: ClientOptions = {}) {
  const client = createClient<paths>(options);
  return {
    /** The underlying openapi-fetch client, for middleware. */
    client,
    /** User login (用户登录), clause 7.1.1: POST /user/login */
    user_login: (init: MaybeOptionalInit<paths['/user/login'], 'post'>) =>
      client.POST('/user/login', init),
    /** User logout (用户退出登录), clause 7.1.2: POST /user/logout */
    user_logout: (init: MaybeOptionalInit<paths['/user/logout'], 'post'>) =>
      client.POST('/user/logout', init),
    /** User unregister (用户注销), clause 7.1.3: POST /user/unregister */
    user_unregister: (init: MaybeOptionalInit<paths['/user/unregister'], 'post'>) =>
      client.POST('/user/unregister', init),
    /** Device bind (设备绑定), clause 7.2.1: POST /user/bindDevices */
    user_bindDevices: (init: MaybeOptionalInit<paths['/user/bindDevices'], 'post'>) =>
      client.POST('/user/bindDevices', init),
    /** Device unbind (设备解除绑定), clause 7.2.2: POST /user/unbindDevices */
    user_unbindDevices: (init: MaybeOptionalInit<paths['/user/unbindDevices'], 'post'>) =>
      client.POST('/user/unbindDevices', init),
    /** User device list query (用户设备列表查询), clause 7.2.3: POST /users/devices */
    users_devices: (init: MaybeOptionalInit<paths['/users/devices'], 'post'>) =>
      client.POST('/users/devices', init),
    /** Device information query (设备信息查询), clause 7.2.4: POST /devices/deviceInfo */
    devices_deviceInfo: (init: MaybeOptionalInit<paths['/devices/deviceInfo'], 'post'>) =>
      client.POST('/devices/deviceInfo', init),
    /** Device information modify (设备信息修改), clause 7.2.5: POST /devices/modifyDeviceInfo */
    devices_modifyDeviceInfo: (init: MaybeOptionalInit<paths['/devices/modifyDeviceInfo'], 'post'>) =>
      client.POST('/devices/modifyDeviceInfo', init),
    /** Device status query (设备状态查询), clause 7.2.6: POST /devices/deviceStatus */
    devices_deviceStatus: (init: MaybeOptionalInit<paths['/devices/deviceStatus'], 'post'>) =>
      client.POST('/devices/deviceStatus', init),
    /** Device operation (设备操作), clause 7.2.7: POST /devices/op */
    devices_op: (init: MaybeOptionalInit<paths['/devices/op'], 'post'>) =>
      client.POST('/devices/op', init),
  };
}

export type CheaaPlatformClient = ReturnType<typeof createCheaaPlatformClient>;
