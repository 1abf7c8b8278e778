// The checks Respect cannot make because they concern requests the cloud under test sends to the
// kit, not replies: the user verify callback of login (7.1.4) and the reports to the data gateway
// (7.2.8), validated against the partner document.
import type { ReceivedReport, VerifyCall } from './kit-partner.ts';
import type { CheckResult, ReportTally } from './types.ts';

const unique = (list: string[]) => [...new Set(list)];

export function verifyChecks(calls: readonly VerifyCall[], mainLoginID: string, mtls: boolean): CheckResult[] {
  const forMain = calls.filter((c) => c.loginID === mainLoginID);
  const called: CheckResult = {
    id: 'kit.verify-called-at-login',
    clause: '7.1.4',
    title: "Login made the cloud call the kit's user verify with the user's loginID and AuthToken",
    requires: '6.6.1.2 steps 1–3 and 7.1.4: the B platform verifies the loginID and AuthToken the user presented with the A platform before it issues an AccessToken.',
    status: forMain.some((c) => c.accepted) ? 'pass' : 'fail',
    failures: [],
  };
  if (called.status === 'fail') {
    const message =
      forMain.length === 0
        ? `no user verify call for loginID ${mainLoginID} arrived (${calls.length} verify calls in all)`
        : `user verify was called for ${mainLoginID} ${forMain.length} times, never with the AuthToken the user presented`;
    called.failures.push({ check: 'kit', message });
    called.reason = message;
  }

  const problems = unique(
    calls.flatMap((c) => [...c.problems, ...(!mtls && c.platId === undefined ? ['the PlatID header is missing (required without TLS, clause 7.1 and table 26)'] : [])]),
  );
  const valid: CheckResult = {
    id: 'kit.verify-requests-valid',
    clause: '7.1.4',
    title: 'Every user verify request the cloud sent is valid against the partner document',
    requires: 'Table 26: User (one UserBase with loginID) and AuthToken in the body; PlatID in the header without TLS.',
    status: calls.length === 0 ? 'skip' : problems.length === 0 ? 'pass' : 'fail',
    failures: problems.map((message) => ({ check: 'partner document', message })),
  };
  if (calls.length === 0) valid.reason = 'no user verify request arrived';
  else if (problems.length > 0) valid.reason = problems[0];
  return [called, valid];
}

export function tallyReports(reports: readonly ReceivedReport[]): ReportTally {
  const tally: ReportTally = {
    byDataType: { attr: { received: 0, valid: 0 }, alarm: { received: 0, valid: 0 }, onOffline: { received: 0, valid: 0 }, other: { received: 0, valid: 0 } },
    problems: [],
  };
  for (const r of reports) {
    const key = r.dataType === 'attr' || r.dataType === 'alarm' || r.dataType === 'onOffline' ? r.dataType : 'other';
    tally.byDataType[key].received += 1;
    if (r.valid) tally.byDataType[key].valid += 1;
  }
  tally.problems = unique(reports.flatMap((r) => r.problems.map((p) => `${r.dataType ?? '(no DataType)'} report of ${r.deviceId ?? '(no DeviceID)'}: ${p}`))).slice(0, 10);
  return tally;
}

/** A valid attr report of the device whose DeviceStatus carries every commanded value. */
export function reportsCommand(report: ReceivedReport, deviceId: string, command: Record<string, string>): boolean {
  if (!report.valid || report.dataType !== 'attr' || report.deviceId !== deviceId) return false;
  const status = (report.body as { DeviceStatus?: Record<string, unknown> }).DeviceStatus ?? {};
  return Object.entries(command).every(([name, value]) => status[name] === value);
}

export function reportChecks(reports: readonly ReceivedReport[], op: { ran: boolean; deviceId: string; command: Record<string, string>; waitedMs: number }): CheckResult[] {
  const tally = tallyReports(reports);
  const invalid = reports.filter((r) => !r.valid).length;
  const valid: CheckResult = {
    id: 'kit.reports-valid',
    clause: '7.2.8',
    title: "Every report that reached the kit's data gateway is valid against the partner document",
    requires: 'Table 50: DeviceID, DataType (attr, alarm or onOffline), DeviceStatus shaped by DataType, TimeStamp (13 digits).',
    status: reports.length === 0 ? 'skip' : invalid === 0 ? 'pass' : 'fail',
    failures: tally.problems.map((message) => ({ check: 'partner document', message })),
  };
  if (reports.length === 0) valid.reason = 'no report arrived';
  else if (invalid > 0) valid.reason = `${invalid} of ${reports.length} reports are invalid`;

  const reported: CheckResult = {
    id: 'kit.op-reported',
    clause: '7.2.8',
    title: "The change made by the device operation was reported to the kit's data gateway (DataType attr)",
    requires: '7.2.8 and table 49: the B platform reports state changes of devices bound to the A platform\'s users.',
    status: 'pass',
    failures: [],
  };
  if (!op.ran) {
    reported.status = 'skip';
    reported.reason = 'the device operation (device-op.op-own) did not succeed, so there was no change to report';
  } else if (!reports.some((r) => reportsCommand(r, op.deviceId, op.command))) {
    reported.status = 'fail';
    reported.reason = `no valid attr report of ${op.deviceId} with ${JSON.stringify(op.command)} arrived within ${op.waitedMs} ms of the run's end`;
    reported.failures.push({ check: 'kit', message: reported.reason });
  }
  return [valid, reported];
}
