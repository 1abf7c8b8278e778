// The SDK's public API: a typed client of the platform interfaces (clause 7), the partner kit that
// hosts the interfaces an A platform offers (7.1.4, 7.2.8), and the UDeviceID helpers (clause 6.4).
export { createPlatformClient, type PlatformClient, type PlatformClientOptions, type PlatformReply, type PlatformRequest } from './platform-client.ts';
export { CheaaApiError, type CheaaApiErrorInit, type CheaaOperationId, type DeviceFailure } from './errors.ts';
export {
  createPartnerKit,
  type DataGatewayReport,
  partnerOperationOf,
  type PartnerKitOptions,
  type PartnerOperationId,
  type PartnerUser,
  type ReportContext,
  type VerifyUserInput,
} from './partner-kit.ts';
export { memorySeenEvents, type SeenEvents } from './seen-events.ts';
export {
  formatUDeviceID,
  isUDeviceID,
  parseUDeviceID,
  type DeviceCategoryCode,
  type UDeviceID,
  type UDeviceIDParseResult,
  type UDeviceIDParts,
} from './udeviceid.ts';
// The partner kit's callbacks refuse with these; the RetCode set is the spec's.
export { InteropError, RetCodes, type RetCode } from './interop-error.ts';
