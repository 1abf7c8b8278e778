// The SDK's public API: the client entry (`./client.ts`: a typed client of the platform interfaces
// of clause 7, its errors, the UDeviceID helpers of clause 6.4) and the partner kit that hosts the
// interfaces an A platform offers (7.1.4, 7.2.8), an Express router.
export * from './client.ts';
export {
  createPartnerKit,
  partnerOperationOf,
  type DataGatewayReport,
  type PartnerKitOptions,
  type PartnerOperationId,
  type PartnerUser,
  type ReportContext,
  type VerifyUserInput,
} from './partner-kit.ts';
export { memorySeenEvents, type SeenEvents } from './seen-events.ts';
// The partner kit's callbacks refuse with these; the RetCode set is the spec's.
export { InteropError } from './interop-error.ts';
