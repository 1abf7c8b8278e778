// Users and devices of a test platform: a user logged in through a partner (7.1.1) with a client
// that sends the user's AccessToken, devices seeded for one test, bindings, an expired token.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createCheaaPlatformClient, type CheaaPlatformClient } from '../../generated/cheaa-c2c/platform.client.ts';
import { initialAttributes } from '../../src/domain/capabilities.ts';
import type { Store } from '../../src/domain/model.ts';
import { newAccessToken } from '../../src/domain/tokens.ts';
import { replyExample, requestExample } from './examples.ts';
import type { TestPartner } from './test-partner.ts';

const fresh = (prefix: string, bytes: number) => `${prefix}${randomBytes(bytes).toString('hex')}`;

/** A user logged in through a partner: the ids and tokens, and a client that sends the token. */
export interface Session {
  loginId: string;
  authToken: string;
  userId: string;
  accessToken: string;
  partner: TestPartner;
  /** The platform client as this user's partner, sending this user's AccessToken. */
  client: CheaaPlatformClient;
}

/** Headers a client sends on every call; null leaves one out. */
export interface CallerHeaders {
  PlatID?: string | null;
  AppID?: string | null;
  AccessToken?: string | null;
}

/** A platform client of the platform at `url` calling as partner `as`, with its PlatID and AppID. */
export const clientAs = (url: string, as: TestPartner, headers: CallerHeaders = {}): CheaaPlatformClient =>
  createCheaaPlatformClient({ baseUrl: url, headers: { PlatID: as.platId, AppID: as.appId, ...headers } });

/** Logs a new user in through partner `as`, who verifies it from its table. */
export async function loginThrough(url: string, as: TestPartner, { familyId, loginId = fresh('u', 6) }: { familyId?: string; loginId?: string } = {}): Promise<Session> {
  const authToken = fresh('auth-', 12);
  as.users.set(loginId, authToken);
  const body = requestExample('user_login');
  const entry = body.User[0]!;
  entry.UserBase.loginID = loginId;
  if (familyId !== undefined) entry.UserProfile = { ...entry.UserProfile, familyId };
  body.AuthToken = authToken;
  const { data, error, response } = await clientAs(url, as).user_login({ body });
  assert.ok(data, `login of ${loginId} through ${as.platId} failed: HTTP ${response.status} ${JSON.stringify(error)}`);
  const accessToken = response.headers.get('AccessToken');
  assert.ok(accessToken, 'the login reply carries an AccessToken header');
  const userId = data.User[0]!.UserBase.userID;
  return { loginId, authToken, userId, accessToken, partner: as, client: clientAs(url, as, { AccessToken: accessToken }) };
}

/** Binds devices to the user, asserting it worked. */
export async function bindDevices(session: Session, deviceIds: string[]): Promise<void> {
  const { data, error } = await session.client.user_bindDevices({
    body: { UserID: session.userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) },
  });
  assert.deepEqual(data, replyExample('user_bindDevices.standard.response'), `binding ${deviceIds.join(', ')} failed: ${JSON.stringify(error)}`);
}

/** An AccessToken of the user that expired a minute ago, stored as login stores tokens. */
export async function expiredTokenOf(store: Store, session: Session): Promise<string> {
  const { token, hash } = newAccessToken();
  await store.tokens.insert(hash, { userId: session.userId, platId: session.partner.platId, expiresAt: new Date(Date.now() - 60_000) });
  return token;
}

/** A new device of the test's own, of a simulated type; with `vendor`, a UDeviceID too (clause 6.4). */
export async function seedDevice(store: Store, deviceType: string, vendor: boolean): Promise<{ deviceId: string; udeviceId: string | null }> {
  const deviceId = fresh('T', 6).toUpperCase();
  // Manufacturer 000006, category code 01, the product code of deviceType, then the device's own code.
  const udeviceId = vendor ? `00000601${deviceType.padEnd(8, '0')}${deviceId}` : null;
  await store.devices.seed({
    deviceId,
    udeviceId,
    deviceType,
    model: 'Test model',
    manufacturer: 'Test Appliances',
    brand: 'Test',
    accessWay: '1',
    attrs: initialAttributes(deviceType),
    online: true,
  });
  return { deviceId, udeviceId };
}
