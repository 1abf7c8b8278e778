// Turns the outcome of each store call into changes of reachability, so that an outage is
// reported once when it starts and once when it ends, not once per failed request.
import type { AvailabilityChange } from './database.ts';

export class Availability {
  readonly #onChange: (change: AvailabilityChange) => void;
  #downSince: number | undefined;

  constructor(onChange: (change: AvailabilityChange) => void) {
    this.#onChange = onChange;
  }

  failed(error: Error): void {
    if (this.#downSince !== undefined) return;
    this.#downSince = Date.now();
    this.#onChange({ available: false, error });
  }

  succeeded(): void {
    if (this.#downSince === undefined) return;
    const downForMs = Date.now() - this.#downSince;
    this.#downSince = undefined;
    this.#onChange({ available: true, downForMs });
  }
}
