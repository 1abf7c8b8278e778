// Bindings across messages (7.2.1–7.2.7): the proxy learns who bound which device from bind and
// unbind replies, and refuses to let B accept an op, a status query or a list entry for a device
// it has evidence is not the user's: the user unbound it, or another user has it bound and this
// user never bound it while the proxy watched. Without evidence (a device bound before the proxy
// started) it judges nothing.
import type { LinkState } from '../link-state.ts';
import type { Exchange, Violation } from '../types.ts';
import { rules, type Rule } from './catalog.ts';
import { accepted, deviceIdsOf, failedIdsOf, found, replyBody, requestBody, userIdOf, when } from './messages.ts';

/** Why the proxy knows `deviceId` is not bound to `userId`, or undefined. */
export function notBoundEvidence(state: LinkState, userId: string, deviceId: string): string | undefined {
  const own = state.binding(userId, deviceId);
  if (own && !own.bound) return `the user unbound it at ${when(own.at)}`;
  if (own) return undefined;
  const owners = state.owners.get(deviceId);
  const other = owners ? [...owners.users].find((u) => u !== userId) : undefined;
  return other === undefined ? undefined : `user ${other} has it bound and this user never bound it`;
}

function judge(exchange: Exchange, state: LinkState, rule: Rule, deviceIds: string[], what: string): Violation[] {
  const userId = userIdOf(exchange);
  if (userId === undefined || !accepted(exchange)) return [];
  return deviceIds.flatMap((deviceId) => {
    const evidence = notBoundEvidence(state, userId, deviceId);
    return evidence === undefined ? [] : [found(rule, `${what} of device ${deviceId} for user ${userId} accepted (RetCode 200), but ${evidence}`)];
  });
}

function learn(exchange: Exchange, state: LinkState, bound: boolean): void {
  const userId = userIdOf(exchange);
  // A refusal without FailedIDs (wrong token, unknown user) changed nothing.
  const failed = failedIdsOf(exchange);
  if (userId === undefined || (!accepted(exchange) && failed === undefined)) return;
  const failures = new Set(failed ?? []);
  for (const deviceId of deviceIdsOf(requestBody(exchange))) if (!failures.has(deviceId)) state.setBinding(userId, deviceId, bound, exchange.at);
}

export function bindingRules(exchange: Exchange, state: LinkState): Violation[] {
  if (exchange.leg !== 'a-to-b' || !exchange.reply) return [];
  switch (exchange.operationId) {
    case 'user_bindDevices':
      learn(exchange, state, true);
      return [];
    case 'user_unbindDevices':
      learn(exchange, state, false);
      return [];
    case 'devices_op':
      return judge(exchange, state, rules.opNotBound, deviceIdsOf(requestBody(exchange)), 'an op');
    case 'devices_deviceStatus':
      return judge(exchange, state, rules.statusNotBound, deviceIdsOf(requestBody(exchange)), 'the status');
    case 'users_devices':
      return judge(exchange, state, rules.listedNotBound, deviceIdsOf(replyBody(exchange)), 'a list entry');
    default:
      return [];
  }
}
