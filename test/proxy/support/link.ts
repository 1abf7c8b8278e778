// A test's link between an A partner and the real platform (B) through the proxy: the A → B leg
// to the platform, or to a seeded defect in front of it (test/conformance/defects.ts), and the
// B → A leg to the platform's test partner. Sessions log in and bind through the proxy, so the
// proxy learns what it judges by.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createCheaaPlatformClient, type CheaaPlatformClient } from '../../../generated/cheaa-c2c/platform.client.ts';
import type { Cleanup } from '../../support/eventually.ts';
import { requestExample } from '../../support/examples.ts';
import type { TestPlatform } from '../../support/platform.ts';
import { startDefectProxy, type Defect } from '../../conformance/defects.ts';
import { plainLeg, startWatched, type Watched } from './watched.ts';

export interface LinkSession {
  userId: string;
  accessToken: string;
  /** Calls B through the proxy with this user's AccessToken. */
  client: CheaaPlatformClient;
}

export interface Link {
  watched: Watched;
  login(): Promise<LinkSession>;
  bind(session: LinkSession, ...deviceIds: string[]): Promise<void>;
  unbind(session: LinkSession, ...deviceIds: string[]): Promise<void>;
  /** Posts a 7.2.8 report to A through the proxy, as B would. */
  report(body: object, eventId?: string): Promise<Response>;
}

/** With `reportsTo`, the A → B leg joins that proxy, whose B → A leg the platform already calls. */
export async function linkThroughProxy(t: Cleanup, platform: TestPlatform, options: { defect?: Defect; reportTimeoutMs?: number; reportsTo?: Watched } = {}): Promise<Link> {
  let upstream = platform.url;
  if (options.defect) {
    const seeded = await startDefectProxy(upstream, options.defect);
    t.after(() => seeded.close());
    upstream = seeded.url;
  }
  let watched: Watched;
  if (options.reportsTo) {
    watched = options.reportsTo;
    await watched.proxy.addLeg(plainLeg('a-to-b', upstream));
  } else watched = await startWatched(t, [plainLeg('a-to-b', upstream), plainLeg('b-to-a', platform.partner.url)], { reportTimeoutMs: options.reportTimeoutMs ?? 1000 });
  const { platId, appId } = platform.partner;
  const client = (accessToken?: string) => createCheaaPlatformClient({ baseUrl: watched.aToB, headers: { PlatID: platId, AppID: appId, ...(accessToken && { AccessToken: accessToken }) } });
  const batch = async (session: LinkSession, bind: boolean, deviceIds: string[]) => {
    const body = { UserID: session.userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) };
    const { data } = bind ? await session.client.user_bindDevices({ body }) : await session.client.user_unbindDevices({ body });
    assert.equal(data?.RetCode, '200', `${bind ? 'bind' : 'unbind'} ${deviceIds.join(', ')}`);
  };
  return {
    watched,
    async login() {
      const loginId = `u${randomBytes(6).toString('hex')}`;
      const authToken = `auth-${randomBytes(12).toString('hex')}`;
      platform.partner.users.set(loginId, authToken);
      const body = requestExample('user_login');
      body.User[0]!.UserBase.loginID = loginId;
      body.AuthToken = authToken;
      const { data, response } = await client().user_login({ body });
      const accessToken = response.headers.get('AccessToken');
      assert.ok(data && accessToken, `login of ${loginId} through the proxy`);
      return { userId: data.User[0]!.UserBase.userID, accessToken, client: client(accessToken) };
    },
    bind: (session, ...deviceIds) => batch(session, true, deviceIds),
    unbind: (session, ...deviceIds) => batch(session, false, deviceIds),
    report: (body, eventId) =>
      fetch(`${watched.bToA}/dataservices/dataGateway`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', PlatID: 'PARTNER-Haier-0000', ...(eventId && { EventID: eventId }) },
        body: JSON.stringify(body),
      }),
  };
}
