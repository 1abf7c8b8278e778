// The bench user's session, made through the API like any partner would: 7.1.1 login (the bench
// partner's verify interface accepts the user), then 7.2.1 bind of every bench fridge.
import { createPlatformClient } from '../../src/sdk/platform-client.ts';
import { benchPartner, benchUser, fridges, fridgeType, type Session } from './requests.ts';

export async function openSession(baseUrl: string): Promise<Session> {
  const client = createPlatformClient({ baseUrl, platId: benchPartner.platId, appId: benchPartner.appId });
  try {
    const login = await client.user_login({ User: [{ UserBase: { loginID: benchUser.loginId } }], AuthToken: benchUser.authToken });
    const userId = login.User[0]!.UserBase.userID!;
    await client.user_bindDevices({ UserID: userId, Device: fridges.map((deviceID) => ({ DeviceInfo: { deviceID, deviceType: fridgeType } })) });
    return { userId, accessToken: client.accessToken! };
  } finally {
    await client.close();
  }
}
