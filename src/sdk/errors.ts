// The one error the SDK's clients throw: a reply whose RetCode is not "200", or no usable reply.
import type { CheaaPartnerOperationId } from '../../generated/cheaa-c2c/partner.handlers.ts';
import type { CheaaPlatformOperationId } from '../../generated/cheaa-c2c/platform.handlers.ts';
import type { RetCode } from '../../generated/cheaa-c2c/platform.retcodes.ts';
import type { components } from '../../generated/cheaa-c2c/platform.types.ts';

export type CheaaOperationId = CheaaPlatformOperationId | CheaaPartnerOperationId;
export type DeviceFailure = components['schemas']['DeviceFailure'];

export interface CheaaApiErrorInit {
  operationId: CheaaOperationId;
  retCode: RetCode;
  retInfo: string;
  /** The HTTP status of the reply; undefined when no reply arrived. */
  httpStatus: number | undefined;
  failedIds?: readonly string[] | undefined;
  failures?: readonly DeviceFailure[] | undefined;
  cause?: unknown;
}

/**
 * A call that did not succeed. `retCode` is the reply's RetCode; when no usable reply arrived
 * (timeout, connection refused, a body that is not the standard's) it is `502`, which the spec
 * defines as "could not be reached or did not answer in time", and `httpStatus` says whether a
 * reply came at all.
 */
export class CheaaApiError extends Error {
  readonly operationId: CheaaOperationId;
  readonly retCode: RetCode;
  readonly retInfo: string;
  readonly httpStatus: number | undefined;
  /** Batch replies (7.2.1, 7.2.2): the deviceIDs that failed. */
  readonly failedIds: readonly string[] | undefined;
  /** Batch replies: why each device failed (project extension `Failures`). */
  readonly failures: readonly DeviceFailure[] | undefined;

  constructor(init: CheaaApiErrorInit) {
    const status = init.httpStatus === undefined ? 'no reply' : `HTTP ${init.httpStatus}`;
    super(`${init.operationId}: RetCode ${init.retCode} (${status}): ${init.retInfo}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'CheaaApiError';
    this.operationId = init.operationId;
    this.retCode = init.retCode;
    this.retInfo = init.retInfo;
    this.httpStatus = init.httpStatus;
    this.failedIds = init.failedIds;
    this.failures = init.failures;
  }
}
