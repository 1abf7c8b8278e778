// Every figure of a scenario as a ratio to the two baselines measured by the same Node, over the
// same transport, in the same run: ratios survive a change of machine, absolute times do not.

export interface Ratios {
  /** req/s ÷ baseline req/s: 1 is as fast as the baseline, lower is slower. */
  rps: number;
  /** latency ÷ baseline latency: higher is slower. */
  p50: number;
  p99: number;
  peakRss: number;
  /** Server CPU per request ÷ the baseline's: how much more work one request is, whatever else
   * the machine was doing. */
  cpuPerRequest: number;
}

/** The aims, against bare Express on PostgreSQL. */
export const aims = { deviceStatus: 0.8, op: 0.3 } as const;
