// What the proxy sees and says: exchanges between an A platform and a B platform, and the
// violations of the standard it finds in them, each tagged with a rule and a clause.

/** Which way an exchange went: A calls B (7.1.1–7.2.7), or B calls A (7.1.4 verify, 7.2.8 reports). */
export type Leg = 'a-to-b' | 'b-to-a';

export interface Violation {
  /** The rule's id, e.g. `token.after-logout` (rules/catalog.ts). */
  rule: string;
  /** The clause of the standard it breaks, e.g. `7.1.2`. */
  clause: string;
  /** What was wrong in this exchange. */
  message: string;
  /** The standard's words for it: the table and field, or what the clause requires. */
  words: string;
}

export interface SeenMessage {
  headers: Record<string, string>;
  /** The JSON body, parsed; undefined when there was none or it was not JSON. */
  body: unknown;
  /** Why the body could not be parsed, when it could not. */
  unparsable?: string;
}

export interface Exchange {
  /** Order in which the proxy finished the exchanges, from 1, both legs together. */
  seq: number;
  leg: Leg;
  /** Undefined when no operation of the document is at the path. */
  operationId: string | undefined;
  /** The operation's clause (x-standard-clause), or the clause of the path rules. */
  clause: string;
  method: string;
  /** The URL path without the query. */
  path: string;
  /** When the request arrived (ms since the epoch). */
  at: number;
  request: SeenMessage;
  /** Undefined when the upstream did not answer (`failure` says why) or `--enforce` refused the request. */
  reply?: SeenMessage & { status: number };
  /** The reply's RetCode when it has one as a string. */
  retCode?: string;
  /** Why there is no upstream reply. */
  failure?: string;
  /** `--enforce` refused the request without forwarding it. */
  refused?: boolean;
  /** From the request's arrival to the reply sent back (ms). */
  latencyMs: number;
  /** The upstream's share of it (ms). */
  upstreamMs: number;
  /** Found in this exchange; cross-message rules may add to it later (an op left unreported). */
  violations: Violation[];
}
