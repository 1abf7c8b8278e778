// Every rule the proxy judges an exchange by: its id, the clause of the standard it belongs to,
// and what the standard requires, in its words. The reports show these with each violation; the
// docs page lists them (a test keeps the two together).

export interface Rule {
  id: string;
  /** The clause the rule proves; `by operation` rules take the clause of the exchange's operation. */
  clause: string;
  title: string;
  requires: string;
}

const rule = (id: string, clause: string, title: string, requires: string): Rule => ({ id, clause, title, requires });

export const rules = {
  // Against the documents (checks/documents.ts): one message at a time.
  requestDocument: rule('document.request', 'by operation', 'The request is valid against the document', "The request parameter table of the interface (e.g. table 44 for 7.2.6): every required field present, of the table's type."),
  replyDocument: rule('document.reply', 'by operation', 'The reply is valid against the document', 'The response parameter table of the interface (e.g. table 45 for 7.2.6): RetCode and RetInfo as strings (table 9), the fields the table requires.'),
  path: rule('document.path', '6.3', 'The request goes to an interface of the standard', '6.3: the access point is http(s)://{host:port}/{apiVersion}/{apiName}, apiName one of the interfaces of clause 7.'),
  retCodeStatus: rule('retcode.http-status', '6.5.2.1', "The reply's HTTP status agrees with its RetCode", "Table 9 RetCode (返回码): the RetCode registry gives the HTTP status each code travels with; a 7.2.1/7.2.2 batch with some devices failed answers RetCode 500 with HTTP 200."),
  upstream: rule('link.upstream', '6.3', 'The upstream platform answered', '6.3: the partner platform serves its interfaces at its access point.'),
  // Across messages (rules/*.ts).
  tokenAfterLogout: rule('token.after-logout', '7.1.2', 'A token is refused after its logout', '7.1.2 table 19: B verifies the AccessToken in the header and, when it is valid, logs the user out and destroys the AccessToken (销毁 AccessToken).'),
  tokenAfterUnregister: rule('token.after-unregister', '7.1.3', "A user's tokens are refused after unregister", "7.1.3 table 22: unregister deletes the A user's account on the B platform (注销账号); nothing may be done with its AccessToken afterwards."),
  opNotBound: rule('binding.op-not-bound', '7.2.7', 'An op on a device not bound to the user is refused', '7.2.7: the user operates the devices bound to them (7.2.1); a device never bound to the user, or unbound (7.2.2), is not theirs to operate.'),
  statusNotBound: rule('binding.status-not-bound', '7.2.6', 'A status query on a device not bound to the user is refused', '7.2.6 table 43: the status of the devices bound to the user; a device never bound to the user, or unbound, is not theirs to query.'),
  listedNotBound: rule('binding.listed-not-bound', '7.2.3', "The device list holds only the user's devices", "7.2.3 table 34: the devices of the user (根第三方用户ID查询设备列表); a device bound to another user, or unbound, does not belong in it."),
  failedIdsSubset: rule('batch.failed-ids-subset', 'by operation', 'FailedIDs names only devices of the request', 'Tables 30 and 33: FailedIDs is the list of the devices of the request that could not be bound (绑定不成功设备列表) or unbound.'),
  failedIdsUnnamed: rule('batch.failed-ids-unnamed', 'by operation', 'A failed batch names its failed devices', 'Tables 30 and 33: FailedIDs (必填) lists the devices that failed; a reply that is not RetCode 200 names at least one.'),
  statusCount: rule('batch.status-count', '7.2.6', 'A status reply has one item per device asked', '7.2.6 table 45: item i of Device is the state of item i of the request; as many items as devices asked.'),
  opUnreported: rule('report.op-unreported', '7.2.8', 'An accepted op is followed by an attr report of the device', "7.2.8 table 49: B reports the state changes of devices bound to A's users (DataType attr); an op that B accepted changes the device's state."),
  timestampBackwards: rule('report.timestamp-backwards', '7.2.8', "A device's reports do not go back in time", '7.2.8 table 50: TimeStamp (消息时间戳) is the time of the message; the reports of one device come in the order of their TimeStamps.'),
  reportNotBound: rule('report.device-not-bound', '7.2.8', "Reports concern devices bound to the partner's users", "7.2.8 table 49: B reports devices bound to A's users; a device that none of A's users has bound (or that all unbound) is not A's to hear about."),
  eventIdConflict: rule('report.event-id-conflict', '7.2.8', 'One EventID carries one report', 'EventID (project extension, at-least-once delivery): every retry of a report carries the same EventID and the same body; two different bodies under one EventID lose one of them.'),
} as const satisfies Record<string, Rule>;

export type RuleName = keyof typeof rules;

export const ruleById: ReadonlyMap<string, Rule> = new Map(Object.values(rules).map((r) => [r.id, r]));
