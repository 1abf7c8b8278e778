// A user of a platform process: logged in through a test partner and bound to the given devices.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createCheaaPlatformClient } from '../../generated/cheaa-c2c/platform.client.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migratedPGliteSnapshot } from '../support/database.ts';
import { requestExample } from '../support/examples.ts';
import { type Session } from '../support/platform.ts';
import { type TestPartner } from '../support/test-partner.ts';

export async function loginAndBind(url: string, partner: TestPartner, deviceIds: string[]): Promise<Session> {
  const loginId = `u${randomBytes(6).toString('hex')}`;
  const authToken = `auth-${randomBytes(12).toString('hex')}`;
  partner.users.set(loginId, authToken);
  const headers = { PlatID: partner.platId, AppID: partner.appId };
  const body = requestExample('user_login');
  body.User[0]!.UserBase.loginID = loginId;
  body.AuthToken = authToken;
  const { data, error, response } = await createCheaaPlatformClient({ baseUrl: url, headers }).user_login({ body });
  assert.ok(data, `login failed: HTTP ${response.status} ${JSON.stringify(error)}`);
  const accessToken = response.headers.get('AccessToken')!;
  const userId = data.User[0]!.UserBase.userID;
  const client = createCheaaPlatformClient({ baseUrl: url, headers: { ...headers, AccessToken: accessToken } });
  const bound = await client.user_bindDevices({ body: { UserID: userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) } });
  assert.equal(bound.data?.RetCode, '200', `binding failed: ${JSON.stringify(bound.error)}`);
  return { loginId, authToken, userId, accessToken, partner, client };
}

/** New device ids for a platform process's configuration. */
export const newDeviceIds = (count: number) => Array.from({ length: count }, () => `P${randomBytes(6).toString('hex').toUpperCase()}`);

/** A PGlite data dir holding a migrated database, as a platform process finds it after a first start. */
export async function migratedDataDir(dataDir: string): Promise<void> {
  const db = await openDatabase({ dataDir, snapshot: await migratedPGliteSnapshot() });
  await db.close();
}
