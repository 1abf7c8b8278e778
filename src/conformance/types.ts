// The kit's results: one check per Arazzo step (run by Respect) or per observation of the kit's
// own partner interfaces, each tagged with the clause of the standard it proves.

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface HttpExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  response?: { statusCode: number; headers: Record<string, string>; body?: unknown };
}

/** One failed assertion of a check: a Respect check (status code, schema, success criteria) or the kit's. */
export interface CheckFailure {
  check: string;
  message: string;
}

export interface CheckResult {
  /** `<workflowId>.<stepId>` for Respect's checks, `kit.<name>` for the kit's own: the name tests and CI refer to. */
  id: string;
  /** The clause of the standard the check proves, e.g. `7.2.7`. */
  clause: string;
  title: string;
  /** What the standard requires, shown with a failure. */
  requires: string;
  /** Ids of the requirements the check proves (requirements.ts). */
  proves: string[];
  status: CheckStatus;
  /** Why a check was skipped, or a one-line summary of a failure. */
  reason?: string;
  failures: CheckFailure[];
  /** The request and reply of a Respect step (tokens masked). */
  exchange?: HttpExchange;
  /** For a failure: its usual cause and what to look at, in the kit's words (diagnosis.ts). */
  hint?: string;
  durationMs?: number;
}

export interface DataTypeCount {
  received: number;
  valid: number;
}

/** 7.2.8 reports that reached the data gateway the kit hosted during the run. */
export interface ReportTally {
  byDataType: Record<'attr' | 'alarm' | 'onOffline' | 'other', DataTypeCount>;
  /** Why each invalid report failed validation against the partner document (at most a few). */
  problems: string[];
}

export type Role = 'platform' | 'partner';

export interface ConformanceResult {
  role: Role;
  target: string;
  startedAt: string;
  durationMs: number;
  checks: CheckResult[];
  /** Role platform only. */
  reports?: ReportTally;
  /** Respect's own time, for the record. */
  respectMs: number;
  /** The likely causes of the failures, most likely first: the hints of the failed checks, once each. */
  causes?: string[];
  /** Another tool's report in the kit's format (the proxy's): its suite name, heading and a note. */
  heading?: { suite: string; title: string; note: string };
}

export function countStatuses(checks: CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, skip: 0 };
  for (const c of checks) counts[c.status] += 1;
  return counts;
}

/** Clause order: 6.5.1 < 6.6.1.2 < 7.1 < 7.1.1 < 7.2.10. */
export function compareClauses(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
