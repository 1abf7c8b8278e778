// The requests the bench sends, the same bytes to the baselines and to the platform, and the
// fixed reply the baselines answer with: the standard's 7.2.6 reply example, so every server
// writes a body of the same size.
import { readFileSync } from 'node:fs';

/** The partner platform (role A) the bench plays; its client certificate carries this CN. */
export const benchPartner = { platId: 'MB-JDAPP-0000', appId: '17592186044420', certificateName: 'MB-JDAPP-0000' } as const;
export const benchUser = { loginId: 'bench-user', authToken: 'bench-auth-token-0001' } as const;

/** Refrigerators bound to the bench user: op toggles their quickFreeze, one after another. */
export const fridgeType = '01003001';
export const fridges = Array.from({ length: 16 }, (_, i) => `BE${String(i + 1).padStart(10, '0')}`);

export const statusPath = '/v1/devices/deviceStatus';
export const opPath = '/v1/devices/op';
export const listPath = '/v1/users/devices';

// Read as plain JSON: importing the generated middleware would load the validator into the baselines.
const document = JSON.parse(readFileSync(new URL('../../generated/cheaa-c2c/platform.openapi.json', import.meta.url), 'utf8')) as {
  components: { examples: Record<string, { value: unknown }> };
};
const examples = document.components.examples;
export const fixedReply: unknown = examples['devices_deviceStatus.standard.response']!.value;

export interface Session {
  userId: string;
  accessToken: string;
}

export function headers(session: Session): Record<string, string> {
  return {
    'content-type': 'application/json',
    PlatID: benchPartner.platId,
    AppID: benchPartner.appId,
    AccessToken: session.accessToken,
  };
}

/** 7.2.6 for one device, as in the standard's example. */
export function statusBody(session: Session, deviceId = fridges[0]!): string {
  return JSON.stringify({ UserID: session.userId, Device: [{ DeviceInfo: { deviceID: deviceId, deviceType: fridgeType } }] });
}

/** 7.2.3 without filters: every device bound to the user. */
export function listBody(session: Session): string {
  return JSON.stringify({ UserID: session.userId });
}

export function opBody(session: Session, deviceId: string, quickFreeze: 'True' | 'False'): string {
  return JSON.stringify({ UserID: session.userId, Device: [{ DeviceInfo: { deviceID: deviceId, deviceType: fridgeType }, DeviceAttr: { quickFreeze } }] });
}

/**
 * 7.2.7 bodies that each change state, so each writes a report to the outbox: the fridges in
 * turn, each told the opposite of what it was last told. With more fridges than connections, a
 * fridge's previous command has long been answered when its next one is sent.
 */
export function opBodies(session: Session): () => string {
  const last = new Map<string, 'True' | 'False'>();
  let next = 0;
  return () => {
    const deviceId = fridges[next++ % fridges.length]!;
    const value = last.get(deviceId) === 'True' ? 'False' : 'True';
    last.set(deviceId, value);
    return opBody(session, deviceId, value);
  };
}
