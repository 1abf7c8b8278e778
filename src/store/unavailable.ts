// The one failure every store call may end in and every interface answers the same way: the
// store is out of reach. A module of its own, without dependencies, so that error renderers can
// recognise it without loading a driver.

/**
 * The store cannot be reached or did not answer in time (connection refused or lost, the server
 * shutting down, a statement or connection timeout). Nothing the failed call did was committed,
 * unless it was the COMMIT itself. Callers answer "unavailable, retry later".
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Logs a failure of background work, unless it is the store being out of reach: the store logs
 * an outage once when it starts and once when it ends, not again at every poll. */
export function warnUnlessUnavailable(log: { warn(obj: object, msg: string): void }, error: unknown, message: string): void {
  if (!(error instanceof StoreUnavailableError)) log.warn({ err: error }, message);
}
