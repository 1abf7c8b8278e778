// The spec's named examples as fixtures, and who is who in them: the platforms and devices of the
// standard's examples.
import type { CheaaPartnerRequestBody } from '../../generated/cheaa-c2c/partner.handlers.ts';
import type { CheaaPlatformOperationId, CheaaPlatformRequestBody } from '../../generated/cheaa-c2c/platform.handlers.ts';
import type { PlatformConfig } from '../../src/config.ts';
import { bundledApis, deref, type Json, type JsonObject } from './spec.ts';

const apis = bundledApis();
export const platformApi = apis.find((api) => api.name === 'cheaa-platform')!;
export const partnerApi = apis.find((api) => api.name === 'cheaa-partner')!;

function namedExample(doc: JsonObject, name: string): Json {
  const found = deref(doc, { $ref: `#/components/examples/${name}` }) as JsonObject | undefined;
  if (!found || !('value' in found)) throw new Error(`the spec has no example ${name}`);
  return structuredClone(found.value as Json);
}

/** A request example of the platform document, `<operationId>.<name>.request`, typed as its body. */
export function requestExample<K extends CheaaPlatformOperationId>(operationId: K, name = 'standard'): CheaaPlatformRequestBody<K> {
  return namedExample(platformApi.doc, `${operationId}.${name}.request`) as unknown as CheaaPlatformRequestBody<K>;
}

/** A reply example of the platform document by its full name, e.g. `error.4031.response`. */
export function replyExample(name: string): { RetCode: string; RetInfo: string } & JsonObject {
  return namedExample(platformApi.doc, name) as { RetCode: string; RetInfo: string } & JsonObject;
}

/** An example of the partner document (7.1.4 and 7.2.8) by its full name. */
export function partnerExample<T = JsonObject>(name: string): T {
  return namedExample(partnerApi.doc, name) as T;
}

// ---------------------------------------------------------------------------------------------
// Who is who: the platforms and devices of the standard's examples.

/** This platform: the B platform of the 7.1.1 reply (`PlatID: PARTNER-Haier-0000`). */
export const PLATFORM_PLAT_ID = 'PARTNER-Haier-0000';
/** The A platform of most examples, with the AppID they send. */
export const PARTNER = { platId: 'MB-JDAPP-0000', appId: '17592186044420' } as const;
/** The A platform of the 7.2.1 and 7.2.2 examples, here a second partner with an AppID of its own. */
export const OTHER_PARTNER = { platId: '000006', appId: '17592186044421' } as const;
/** The user the platform's own verify interface (its partner role) knows: the 7.1.4 example's. */
export const LOCAL_USER = (() => {
  const { User, AuthToken } = partnerExample<CheaaPartnerRequestBody<'user_verify'>>('user_verify.standard.request');
  return { loginId: User[0]!.UserBase.loginID, authToken: AuthToken };
})();

export type DeviceConfig = PlatformConfig['devices'][number];
type WireDeviceInfo = { deviceID: string; deviceType?: string; model?: string; manufacturer?: string; brand?: string; accessWay?: string };

const fromExample = (d: WireDeviceInfo): DeviceConfig => ({
  deviceId: d.deviceID,
  deviceType: d.deviceType!,
  ...(d.model !== undefined && { model: d.model }),
  ...(d.manufacturer !== undefined && { manufacturer: d.manufacturer }),
  ...(d.brand !== undefined && { brand: d.brand }),
  ...(d.accessWay !== undefined && { accessWay: d.accessWay }),
});
const replyDevices = (name: string) => (replyExample(name).Device as unknown as { DeviceInfo: WireDeviceInfo }[]).map((d) => fromExample(d.DeviceInfo));

/**
 * The devices the standard's examples talk about, as the test platform serves them, so those
 * examples can be sent and compared as they are: the washing machine of 7.2.6/7.2.7 (with the
 * UDeviceID of clause 6.4's example), the device of the 7.2.4 reply and the two of the 7.2.3 reply.
 */
export const STANDARD_DEVICES: DeviceConfig[] = [
  {
    ...fromExample((requestExample('devices_deviceStatus').Device[0]!.DeviceInfo as WireDeviceInfo)),
    udeviceId: '0000060102002001C89346112DD5',
    model: 'WD-100',
    manufacturer: 'Demo Appliances',
    brand: 'Demo',
    accessWay: '1',
  },
  ...replyDevices('devices_deviceInfo.standard.response'),
  ...replyDevices('users_devices.standard.response'),
];

/** The device types of the simulated appliances the tests use. */
export const DeviceTypes = { washingMachine: '02002001', airConditioner: '03001001', waterHeater: '05001001', refrigerator: '01001001' } as const;
