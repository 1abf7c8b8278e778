// A request and its own reply, beyond the schema (7.2.1, 7.2.2, 7.2.6): FailedIDs names devices of
// the request, and names some when the batch failed; a status reply has an item per device asked.
import type { Exchange, Violation } from '../types.ts';
import { rules, type Rule } from './catalog.ts';
import { deviceIdsOf, failedIdsOf, replyBody, requestBody } from './messages.ts';

const at = (rule: Rule, exchange: Exchange, message: string): Violation => ({ rule: rule.id, clause: exchange.clause, message, words: rule.requires });

export function batchRules(exchange: Exchange): Violation[] {
  if (exchange.leg !== 'a-to-b' || !exchange.reply) return [];
  const violations: Violation[] = [];
  const op = exchange.operationId;
  if (op === 'user_bindDevices' || op === 'user_unbindDevices') {
    const failed = failedIdsOf(exchange);
    if (failed === undefined) return [];
    // Devices may be named by deviceID or UDeviceID (7.2.1 note): a failed one is named as it was asked.
    const asked = new Set(deviceIdsOf(requestBody(exchange)));
    const strangers = failed.filter((id) => !asked.has(id));
    if (strangers.length > 0) violations.push(at(rules.failedIdsSubset, exchange, `FailedIDs names ${strangers.join(', ')}, which the request did not ask for (it asked for ${[...asked].join(', ') || 'nothing'})`));
    if (exchange.retCode !== undefined && exchange.retCode !== '200' && failed.length === 0 && asked.size > 0) {
      violations.push(at(rules.failedIdsUnnamed, exchange, `RetCode ${exchange.retCode} with FailedIDs empty: the batch failed but names no device of the ${asked.size} asked`));
    }
  }
  if (op === 'devices_deviceStatus' && exchange.retCode === '200') {
    const asked = Array.isArray(requestBody(exchange).Device) ? (requestBody(exchange).Device as unknown[]).length : 0;
    const items = replyBody(exchange).Device;
    const answered = Array.isArray(items) ? items.length : 0;
    if (answered !== asked) violations.push(at(rules.statusCount, exchange, `the request asked for ${asked} device(s), the reply has ${answered} item(s)`));
  }
  return violations;
}
