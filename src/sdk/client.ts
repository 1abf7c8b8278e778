// The SDK's client entry (`cloud-interop/client`): the typed client of the platform interfaces
// (clause 7), its errors and the UDeviceID helpers (clause 6.4), without the partner kit, so a
// platform that only calls B platforms does not load Express.
export { createPlatformClient, type PlatformClient, type PlatformClientOptions, type PlatformReply, type PlatformRequest } from './platform-client.ts';
export { CheaaApiError, type CheaaApiErrorInit, type CheaaOperationId, type DeviceFailure } from './errors.ts';
export {
  formatUDeviceID,
  isUDeviceID,
  parseUDeviceID,
  type DeviceCategoryCode,
  type UDeviceID,
  type UDeviceIDParseResult,
  type UDeviceIDParts,
} from './udeviceid.ts';
export { RetCodes, type RetCode } from './interop-error.ts';
