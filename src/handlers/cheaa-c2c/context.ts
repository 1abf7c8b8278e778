// What every platform handler gets besides its typed body: the calling partner and the services.
import type { Accounts } from '../../domain/accounts.ts';
import type { Devices } from '../../domain/devices.ts';
import type { DeviceFailure } from '../../domain/devices.ts';
import type { Partner } from '../../domain/model.ts';

export interface PlatformContext {
  /** This platform's PlatID, for the reply headers of tables 18 and 24. */
  platId: string;
  partner: Partner;
  accessToken: string | undefined;
  accounts: Accounts;
  devices: Devices;
}

/** The deviceIDs of a request's Device array. */
export const deviceIds = (devices: { DeviceInfo: { deviceID: string } }[]) => devices.map((d) => d.DeviceInfo.deviceID);

/**
 * The reply of a batch (7.2.1, 7.2.2): RetCode 200 only when no device failed (ERRATA E-24). A batch
 * with failed devices was still processed, so it travels with HTTP 200: a client whose HTTP layer
 * throws on 4xx would lose FailedIDs (ERRATA E-25).
 */
export function batchReply(total: number, failures: DeviceFailure[]) {
  if (failures.length === 0) return { status: 200 as const, body: { RetCode: '200' as const, RetInfo: 'ok', FailedIDs: [] } };
  return {
    status: 200 as const,
    body: {
      RetCode: '500' as const,
      RetInfo: `${failures.length} of ${total} devices failed: ${failures.map((f) => f.RetInfo).join('; ')}`,
      FailedIDs: failures.map((f) => f.deviceID),
      Failures: failures,
    },
  };
}
