// The checks Respect cannot make: those about requests the cloud under test sends to the kit
// (the user verify callback of login, 7.1.4, and the reports to the data gateway, 7.2.8, validated
// against the partner document), and those about every reply of a kind the run received (a
// batch reply answers the devices of its request, one by one; what table 45 and table 37 say a
// reply must not carry), which no single Arazzo criterion can say.
import type { ReceivedReport, VerifyCall } from './kit-partner.ts';
import type { CheckResult, HttpExchange, ReportTally } from './types.ts';

/** The kit's own checks: what each proves, whatever the run (the coverage table lists them). */
export const kitCheckDefinitions = {
  'kit.verify-called-at-login': { clause: '7.1.4', proves: ['CHEAA-6.6.1.2-R1', 'CHEAA-7.1.1-R10', 'CHEAA-7.1.4-R7'] },
  'kit.verify-requests-valid': { clause: '7.1.4', proves: ['CHEAA-7.1.4-R1', 'CHEAA-7.1.4-R2', 'CHEAA-7.1.4-R3'] },
  'kit.op-reported': { clause: '7.2.8', proves: ['CHEAA-7.2.7-R8', 'CHEAA-7.2.8-R7'] },
  'kit.reports-valid': { clause: '7.2.8', proves: ['CHEAA-7.2.8-R1', 'CHEAA-7.2.8-R2', 'CHEAA-7.2.8-R3', 'CHEAA-7.2.8-R4', 'CHEAA-7.2.8-R5'] },
  'kit.info-replies-match-requests': { clause: '7.2.4', proves: ['CHEAA-7.2.4-R8'] },
  'kit.info-binding-fields-null': { clause: '7.2.4', proves: ['CHEAA-7.2.4-R9'] },
  'kit.status-replies-match-requests': { clause: '7.2.6', proves: ['CHEAA-7.2.6-R8'] },
  'kit.status-replies-without-device-id': { clause: '7.2.6', proves: ['CHEAA-7.2.6-R6'] },
} as const satisfies Record<string, { clause: string; proves: readonly string[] }>;

export type KitCheckId = keyof typeof kitCheckDefinitions;

/** Role platform runs all of them; role partner none (its cloud sends the kit nothing). */
export const kitCheckIds = Object.keys(kitCheckDefinitions) as KitCheckId[];

const proves = (id: KitCheckId) => [...kitCheckDefinitions[id].proves];

const unique = (list: string[]) => [...new Set(list)];

export function verifyChecks(calls: readonly VerifyCall[], mainLoginID: string, mtls: boolean): CheckResult[] {
  const forMain = calls.filter((c) => c.loginID === mainLoginID);
  const called: CheckResult = {
    id: 'kit.verify-called-at-login',
    clause: '7.1.4',
    proves: proves('kit.verify-called-at-login'),
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
    proves: proves('kit.verify-requests-valid'),
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
    proves: proves('kit.reports-valid'),
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
    proves: proves('kit.op-reported'),
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

type Body = Record<string, unknown> | undefined;
type Item = { DeviceInfo?: Record<string, unknown>; DeviceAttr?: Record<string, unknown> };

/** The successful exchanges of the run with one operation (`/devices/deviceInfo`), each once. */
function repliesTo(checks: readonly CheckResult[], path: string): { id: string; request: Body; reply: Body }[] {
  return checks
    .filter((c): c is CheckResult & { exchange: HttpExchange } => c.exchange !== undefined && new URL(c.exchange.request.url, 'http://x').pathname.endsWith(path))
    .map((c) => ({ id: c.id, request: c.exchange.request.body as Body, reply: c.exchange.response?.body as Body }))
    // A RetCode of the wrong type is the schema check's to fail; the reply is still a success to look at.
    .filter((e) => String(e.reply?.RetCode) === '200');
}

const items = (body: Body): Item[] => (Array.isArray(body?.Device) ? (body.Device as Item[]) : []);

function exchangeCheck(id: KitCheckId, title: string, requires: string, seen: number, problems: string[], none: string): CheckResult {
  const check: CheckResult = { id, clause: kitCheckDefinitions[id].clause, title, requires, proves: proves(id), status: seen === 0 ? 'skip' : problems.length === 0 ? 'pass' : 'fail', failures: problems.map((message) => ({ check: 'kit', message })) };
  if (seen === 0) check.reason = none;
  else if (problems.length > 0) check.reason = problems[0];
  return check;
}

/** Checks over every successful 7.2.4 and 7.2.6 reply the run received. */
export function replyChecks(checks: readonly CheckResult[]): CheckResult[] {
  const info = repliesTo(checks, '/devices/deviceInfo');
  const status = repliesTo(checks, '/devices/deviceStatus');
  const infoMatch = info.flatMap(({ id, request, reply }) => {
    const asked = items(request).map((i) => i.DeviceInfo?.deviceID);
    const got = items(reply).map((i) => i.DeviceInfo?.deviceID);
    return JSON.stringify(asked) === JSON.stringify(got) ? [] : [`${id}: asked for ${JSON.stringify(asked)}, the reply describes ${JSON.stringify(got)}`];
  });
  const bindingNull = info.flatMap(({ id, reply }) =>
    items(reply).flatMap((i) => (i.DeviceInfo && 'name' in i.DeviceInfo && i.DeviceInfo.name !== null ? [`${id}: ${String(i.DeviceInfo.deviceID)} has name ${JSON.stringify(i.DeviceInfo.name)}`] : [])),
  );
  const statusMatch = status.flatMap(({ id, request, reply }) => {
    const asked = items(request).length;
    const got = items(reply).length;
    return asked === got ? [] : [`${id}: asked for ${asked} devices, the reply has ${got} items`];
  });
  const withoutId = status.flatMap(({ id, reply }) =>
    items(reply).flatMap((i, n) => (i.DeviceInfo !== undefined || (i.DeviceAttr && 'deviceID' in i.DeviceAttr) ? [`${id}: item ${n} carries ${i.DeviceInfo ? 'DeviceInfo' : 'DeviceAttr.deviceID'}`] : [])),
  );
  const none = (what: string) => `no successful ${what} reply in this run`;
  return [
    exchangeCheck('kit.info-replies-match-requests', 'Every device information reply describes the requested devices, one item each, in the order asked', '7.2.4, table 39 (and ERRATA E-08): the reply is the DeviceInfo of each requested device; item i answers request item i.', info.length, infoMatch, none('7.2.4')),
    exchangeCheck('kit.info-binding-fields-null', 'Device information replies return the fields of the binding (name) as null', 'Table 37 item 2: fields that belong to the binding, such as name, are returned as null (ERRATA E-33).', info.length, bindingNull, none('7.2.4')),
    exchangeCheck('kit.status-replies-match-requests', 'Every device status reply has one item per requested device', '7.2.6, table 45 (and ERRATA E-27): the reply holds the state of each requested device; item i answers request item i.', status.length, statusMatch, none('7.2.6')),
    exchangeCheck('kit.status-replies-without-device-id', 'Device status replies carry DeviceAttr only, without deviceID', 'Table 45: the Device array holds only DeviceAttr; the state it returns does not include deviceID.', status.length, withoutId, none('7.2.6')),
  ];
}
