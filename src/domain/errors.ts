// Errors are values carrying a RetCode of the spec's registry (generated/cheaa-c2c/platform.retcodes.ts).
import { RetCodes, type RetCode } from '../../generated/cheaa-c2c/platform.retcodes.ts';

export { RetCodes, type RetCode };

/** A refusal the standard's envelope can carry: the RetCode and the RetInfo to send. */
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
