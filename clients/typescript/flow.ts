// The CHEAA standard's main flow through the TypeScript client @hey-api/openapi-ts generates from
// generated/cheaa-c2c/platform.openapi.json (the OpenAPI 3.1 bundle), as a partner platform would
// run it: login (7.1.1), bind (7.2.1), list (7.2.3), status (7.2.6), operation (7.2.7), an operation
// on a device the user has not bound (refused: RetCode 4031) and logout (7.1.2).
//
// Run by `npm run test:clients`, which generates the client into ./client beside this file, type-
// checks both under `strict`, starts the reference platform and sets the CHEAA_* variables. Prints
// "ok <step>: ..." per step; exits non-zero at the first failure.
import { createClient, createConfig } from './client/client/index.js';
import { devicesDeviceStatus, devicesOp, userBindDevices, userLogin, userLogout, usersDevices } from './client/sdk.gen.js';
import type { DeviceOpRequest, DeviceSelector, Result } from './client/types.gen.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const PLAT_ID = env('CHEAA_PLAT_ID');
const APP_ID = env('CHEAA_APP_ID');
const DEVICE_ID = env('CHEAA_DEVICE_ID');
const UNBOUND_ID = env('CHEAA_UNBOUND_DEVICE_ID');

function check(condition: unknown, message: string): asserts condition {
  if (!condition) {
    console.log(`FAILED: ${message}`);
    process.exit(1);
  }
}
const ok = (step: string, detail: string) => console.log(`ok ${step}: ${detail}`);

let accessToken: string | undefined;
const client = createClient(createConfig({ baseUrl: env('CHEAA_BASE_URL'), auth: () => accessToken }));
const headers = { PlatID: PLAT_ID, AppID: APP_ID };

// 7.1.1: the platform asks the partner's user verify (7.1.4) before it answers.
const login = await userLogin({ client, headers, body: { User: [{ UserBase: { loginID: env('CHEAA_LOGIN_ID') } }], AuthToken: env('CHEAA_AUTH_TOKEN') } });
check(login.data?.RetCode === '200', `login: HTTP ${login.response.status} ${JSON.stringify(login.error)}`);
accessToken = login.response.headers.get('AccessToken') ?? undefined;
check(accessToken, 'the login reply has no AccessToken header');
// userID is required in the reply (UserWithUserID), so the type is a string, not string | undefined.
const userId: string = login.data.User[0]!.UserBase.userID;
ok('login', `UserID ${userId}, AccessToken from the response header`);

const selector = (deviceID: string): DeviceSelector[] => [{ DeviceInfo: { deviceID } }];

// 7.2.1
const bound = await userBindDevices({ client, headers, body: { UserID: userId, Device: selector(DEVICE_ID) } });
check(bound.data?.RetCode === '200' && bound.data.FailedIDs.length === 0, `bind: ${JSON.stringify(bound.data ?? bound.error)}`);
ok('bind', DEVICE_ID);

// 7.2.3
const listed = await usersDevices({ client, headers, body: { UserID: userId } });
check(listed.data?.RetCode === '200', `list: ${JSON.stringify(listed.error)}`);
const ids = listed.data.Device.map((d) => d.DeviceInfo.deviceID);
check(ids.includes(DEVICE_ID), `list: ${ids.join(', ')}`);
ok('list', ids.join(', '));

// 7.2.6
const state = await devicesDeviceStatus({ client, headers, body: { UserID: userId, Device: selector(DEVICE_ID) } });
check(state.data?.RetCode === '200', `status: ${JSON.stringify(state.error)}`);
const attrs = state.data.Device[0]?.DeviceAttr;
check(attrs?.onOffStatus !== undefined, `status: ${JSON.stringify(attrs)}`);
ok('status', `onOffStatus=${attrs.onOffStatus}`);

const command = (deviceID: string): DeviceOpRequest => ({ UserID: userId, Device: [{ DeviceInfo: { deviceID }, DeviceAttr: { onOffStatus: 'True' } }] });

// 7.2.7
const done = await devicesOp({ client, headers, body: command(DEVICE_ID) });
check(done.data?.RetCode === '200', `op: HTTP ${done.response.status} ${JSON.stringify(done.error)}`);
ok('op', 'onOffStatus=True');

// 7.2.7 on a device bound to nobody: HTTP 403, and the body is the spec's Result with RetCode 4031.
const refused = await devicesOp({ client, headers, body: command(UNBOUND_ID) });
check(refused.data === undefined, 'op on an unbound device was accepted');
const result: Result | undefined = refused.error;
check(refused.response.status === 403 && result?.RetCode === '4031', `refusal HTTP ${refused.response.status} ${JSON.stringify(result)}`);
ok('refused', `HTTP ${refused.response.status} RetCode ${result.RetCode} (${result.RetInfo})`);

// 7.1.2
const out = await userLogout({ client, headers: { PlatID: PLAT_ID }, body: {} });
check(out.data?.RetCode === '200', `logout: HTTP ${out.response.status} ${JSON.stringify(out.error)}`);
ok('logout', 'AccessToken revoked');
