// The few fields of the standard's bodies the cross-message rules read, taken defensively: a body
// that breaks the document is the document check's finding, never a crash here.
import type { Exchange, Violation } from '../types.ts';
import type { Rule } from './catalog.ts';

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);

export const requestBody = (exchange: Exchange): Json => object(exchange.request.body) ?? {};
export const replyBody = (exchange: Exchange): Json => object(exchange.reply?.body) ?? {};

/** Table 9: the request succeeded. */
export const accepted = (exchange: Exchange) => exchange.retCode === '200';

export const userIdOf = (exchange: Exchange): string | undefined => {
  const id = requestBody(exchange).UserID;
  return typeof id === 'string' ? id : undefined;
};

/** The deviceIDs of `Device[].DeviceInfo.deviceID` (7.2.1–7.2.7 requests, the 7.2.3 reply). */
export function deviceIdsOf(body: Json): string[] {
  const list = Array.isArray(body.Device) ? body.Device : [];
  return list.map((item) => object(object(item)?.DeviceInfo)?.deviceID).filter((id): id is string => typeof id === 'string');
}

export function failedIdsOf(exchange: Exchange): string[] | undefined {
  const ids = replyBody(exchange).FailedIDs;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : undefined;
}

export const found = (rule: Rule, message: string): Violation => ({ rule: rule.id, clause: rule.clause, message, words: rule.requires });

export const when = (at: number) => new Date(at).toISOString();
