// Turns the outcome of each store call into changes of reachability, so that an outage is
// reported once when it starts and once when it ends, not once per failed request. Only a call
// that started after the last change can change it again: at the edge of an outage, calls sent
// before it still come back successful, and calls sent during it still fail after it ended.
import type { AvailabilityChange } from './database.ts';

export class Availability {
  readonly #onChange: (change: AvailabilityChange) => void;
  #down = false;
  /** performance.now() of the last change. */
  #changedAt = Number.NEGATIVE_INFINITY;

  constructor(onChange: (change: AvailabilityChange) => void) {
    this.#onChange = onChange;
  }

  /** A call started at `startedAt` (performance.now()) failed for want of the store. */
  failed(error: Error, startedAt: number): void {
    if (this.#down || startedAt < this.#changedAt) return;
    this.#down = true;
    this.#changedAt = performance.now();
    this.#onChange({ available: false, error });
  }

  /** A call started at `startedAt` (performance.now()) succeeded. */
  succeeded(startedAt: number): void {
    if (!this.#down || startedAt < this.#changedAt) return;
    const now = performance.now();
    const downForMs = Math.round(now - this.#changedAt);
    this.#down = false;
    this.#changedAt = now;
    this.#onChange({ available: true, downForMs });
  }
}
