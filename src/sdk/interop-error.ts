// A refusal in the standard's envelope: a RetCode of the spec's registry
// (generated/cheaa-c2c/platform.retcodes.ts) and the RetInfo to send. The SDK's partner kit and
// the platform refuse with the same value, so both render it the same way.
import { RetCodes, type RetCode } from '../../generated/cheaa-c2c/platform.retcodes.ts';

export { RetCodes, type RetCode };

export class InteropError extends Error {
  readonly retCode: RetCode;

  constructor(retCode: RetCode, retInfo: string) {
    super(retInfo);
    this.name = 'InteropError';
    this.retCode = retCode;
  }
}

export function refuse(retCode: RetCode, retInfo: string): never {
  throw new InteropError(retCode, retInfo);
}
