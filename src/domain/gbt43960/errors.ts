// GB/T 43960 refusals are values carrying a status of the spec's table (generated/gbt43960/gbt43960.statuses.ts).
import { Statuses, type Status } from '../../../generated/gbt43960/gbt43960.statuses.ts';

export { Statuses, type Status };

export class GbtError extends Error {
  readonly status: Status;

  constructor(status: Status, msg: string) {
    super(msg);
    this.name = 'GbtError';
    this.status = status;
  }
}

export function refuseGbt(status: Status, msg: string): never {
  throw new GbtError(status, msg);
}
