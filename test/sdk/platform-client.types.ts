// Compile-time specification of the platform client, checked by `tsc -p .` (the first step of
// `npm test`): every `@ts-expect-error` line must fail to compile, every other line must compile.
// The function is never called: nothing here runs.
import type { RetCode } from '../../generated/cheaa-c2c/platform.retcodes.ts';
import { CheaaApiError, createPlatformClient, type PlatformClient } from '../../src/sdk/index.ts';

const device = { DeviceInfo: { deviceID: 'C89346112DD5' }, DeviceAttr: { onOffStatus: 'True' as const } };
const user = { UserBase: { loginID: 'ACompanyUser132df43' } };

export async function platformClientTypes(sdk: PlatformClient) {
  // The standard's requests compile, and replies are the spec's 200 bodies.
  const login = await sdk.user_login({ User: [user], AuthToken: 'sssdsdfsadfadsfsdfasdfasdf123fa' });
  const userId: string | undefined = login.User[0]?.UserBase.userID;
  const result: { RetCode: RetCode; RetInfo: string } = await sdk.devices_op({ UserID: '100013954770780042', Device: [device] });
  const failed: string[] = (await sdk.user_bindDevices({ UserID: '100013954770780042', Device: [{ DeviceInfo: { deviceID: '0007A88A184D' } }] })).FailedIDs;
  // 7.1.2 logout carries everything in its headers: its body may be left out.
  await sdk.user_logout();

  // @ts-expect-error wrong field name: the standard's `UserID`, not `UserId`
  await sdk.devices_op({ UserId: '100013954770780042', Device: [device] });
  // @ts-expect-error wrong type: UserID is a string (the standard's 7.2.5 example sends a number, see ERRATA.md)
  await sdk.devices_modifyDeviceInfo({ UserID: 100013954770780042, Device: [{ DeviceInfo: { deviceID: 'C89346112DD5', name: 'x' } }] });
  // @ts-expect-error wrong type inside: onOffStatus is the string "True" or "False"
  await sdk.devices_op({ UserID: '100013954770780042', Device: [{ DeviceInfo: { deviceID: 'C89346112DD5' }, DeviceAttr: { onOffStatus: true } }] });
  // @ts-expect-error missing required field: AuthToken
  await sdk.user_login({ User: [user] });
  // @ts-expect-error missing body: only logout may leave it out
  await sdk.user_login();
  // @ts-expect-error unknown operation
  await sdk.devices_reboot({ UserID: '100013954770780042' });

  // Excess properties of inline bodies, which openapi-fetch's generic POST lets through:
  // @ts-expect-error an unknown top-level field
  await sdk.user_login({ User: [user], AuthToken: 'x', AppID: '17592186044420' });
  // @ts-expect-error an unknown field deep inside (the standard's misspelt "deviceID " would be one)
  await sdk.user_bindDevices({ UserID: '100013954770780042', Device: [{ DeviceInfo: { deviceID: '0007A88A184D', deviceId: 'x' } }] });

  // @ts-expect-error replies are typed: a login reply has no FailedIDs
  void login.FailedIDs;
  // @ts-expect-error the session's token is read-only
  sdk.accessToken = 'TGT-5-e5tcvcZhlBxMSwN6Wnp9uWRU';

  try {
    await sdk.devices_deviceStatus({ UserID: '100013954770780042', Device: [{ DeviceInfo: { deviceID: 'C89346112DD5' } }] });
  } catch (error) {
    if (error instanceof CheaaApiError) {
      const code: RetCode = error.retCode;
      // @ts-expect-error retCode is the spec's RetCode union: "9999" is none of them
      if (error.retCode === '9999') return code;
    }
  }

  // @ts-expect-error options: platId is required
  createPlatformClient({ baseUrl: 'https://b.example/v1', appId: '17592186044420' });
  // @ts-expect-error options: mutual TLS needs the key with the certificate
  createPlatformClient({ baseUrl: 'https://b.example/v1', platId: 'MB-JDAPP-0000', appId: '17592186044420', tls: { cert: 'PEM' } });

  return [userId, result, failed];
}
