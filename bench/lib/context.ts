// What every scenario of one run shares: its settings, the throwaway PKI, the loopback partner,
// PostgreSQL when it is reachable, and a scratch directory.
import type { ServerChild } from './child.ts';
import type { Pki } from './pki.ts';

export interface Settings {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Closed-loop op → report samples per delivery configuration. */
  latencySamples: number;
  /** Reports in the outbox backlog the workers drain. */
  backlogReports: number;
  /** How long ops go on as fast as they are answered, the backlog sampled meanwhile. */
  sustainedSeconds: number;
  /** How long ops go on at half the sustained rate, each op's report latency measured. */
  pacedSeconds: number;
  /** Total devices in the store for the scale part. */
  scaleSizes: number[];
  scaleUsers: number;
  /** Directory for --cpu-prof profiles of the platform processes, when profiling. */
  profileDir: string | undefined;
  verbose: boolean;
  /** Filters for trying one scenario (profiling, a fix); everything when undefined. */
  subjects: string[] | undefined;
  stores: string[] | undefined;
  transports: string[] | undefined;
}

/** Whether a filter lets `value` through. */
export const wanted = (filter: string[] | undefined, value: string) => filter === undefined || filter.includes(value);

export interface RunContext {
  settings: Settings;
  /** Lower-case letters and digits: part of schema names. */
  runId: string;
  tmp: string;
  pki: Pki;
  partner: ServerChild;
  partnerUrl: string;
  /** The server's base URL, or undefined when PostgreSQL is unreachable. */
  postgresUrl: string | undefined;
  log(line: string): void;
}
