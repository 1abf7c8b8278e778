// One message at a time, against the documents, with the platform's own compiled validators
// (generated/cheaa-c2c/*.validators.ts): the request against its operation's parameters and body,
// the reply against the response of its status, and the reply's HTTP status against the RetCode
// registry (x-http-status). Each problem becomes a violation naming the standard's table and field.
import { cheaaPartnerOperations } from '../../generated/cheaa-c2c/partner.handlers.ts';
import { cheaaPartnerDocument } from '../../generated/cheaa-c2c/partner.middleware.ts';
import { cheaaPlatformOperations } from '../../generated/cheaa-c2c/platform.handlers.ts';
import { cheaaPlatformDocument } from '../../generated/cheaa-c2c/platform.middleware.ts';
import { retCodeHttpStatus, type RetCode } from '../../generated/cheaa-c2c/platform.retcodes.ts';
import { bodyProblem, headersProblem, replySchema, type CompiledOperation } from '../validation/compiled-validator.ts';
import { problemOf, ValidationError, type ValidationProblem } from '../validation/errors.ts';
import { rules, type Rule } from './rules/catalog.ts';
import { standardWords } from './standard-words.ts';
import type { Leg, SeenMessage, Violation } from './types.ts';

export interface ProxiedOperation {
  operation: CompiledOperation;
  clause: string;
  document: 'platform' | 'partner';
  /** Headers the standard requires on plain HTTP only (clause 7.1). */
  requiredWithoutMtls: readonly string[];
  tokenRequired: boolean;
}

interface OperationFacts {
  clause: string;
  requiredWithoutMtls: readonly string[];
  tokenRequired: boolean;
}

function byApiName(document: 'platform' | 'partner', operations: CompiledOperation[], facts: Record<string, OperationFacts>): Map<string, ProxiedOperation> {
  return new Map(operations.map((operation) => [operation.path, { operation, document, ...facts[operation.operationId]! }]));
}

// A leg's document: A calls B's platform interfaces, B calls A's partner interfaces.
const legOperations: Record<Leg, Map<string, ProxiedOperation>> = {
  'a-to-b': byApiName('platform', cheaaPlatformDocument.operations, cheaaPlatformOperations),
  'b-to-a': byApiName('partner', cheaaPartnerDocument.operations, cheaaPartnerOperations),
};

/** The operation a URL path names: its last two segments are the apiName (clause 6.3), whatever the base path. */
export function operationAt(leg: Leg, path: string): ProxiedOperation | undefined {
  const apiName = /\/[^/]+\/[^/]+$/.exec(path)?.[0];
  return apiName === undefined ? undefined : legOperations[leg].get(apiName);
}

const violation = (rule: Rule, clause: string, message: string, words: string): Violation => ({ rule: rule.id, clause: rule.clause === 'by operation' ? clause : rule.clause, message, words });

/** Why the request breaks its operation's contract, as the platform would refuse it (status and problems). */
export function requestRefusal(op: ProxiedOperation, request: SeenMessage, tls: boolean): ValidationError | undefined {
  const { headers } = request;
  const problem = headersProblem(op.operation, headers, '/headers/content-type');
  if (problem) return problem;
  // Clause 7.1: PlatID (and AppID where the table has it) may be left out only under mutual TLS.
  if (!tls) {
    const missing = op.requiredWithoutMtls.find((name) => headers[name.toLowerCase()] === undefined);
    if (missing !== undefined) return new ValidationError(400, [{ path: `/headers/${missing}`, message: `must have header ${missing} (required without mutual TLS, clause 7.1)` }]);
  }
  if (op.tokenRequired && headers.accesstoken === undefined) return new ValidationError(401, [{ path: '/headers/AccessToken', message: 'AccessToken header required' }]);
  if (op.operation.body !== undefined && request.unparsable !== undefined) return new ValidationError(400, [{ path: '/body', message: `malformed JSON: ${request.unparsable}` }]);
  return bodyProblem(op.operation, request.body);
}

const pointerOf = (problem: ValidationProblem, prefix: string) => (problem.path.startsWith(prefix) ? problem.path.slice(prefix.length) : '');

export function requestViolations(op: ProxiedOperation, request: SeenMessage, tls: boolean): Violation[] {
  const refusal = requestRefusal(op, request, tls);
  if (!refusal) return [];
  return refusal.errors.map((p) => {
    const pointer = pointerOf(p, '/body');
    const words = p.path.startsWith('/headers/') ? `header ${p.path.slice('/headers/'.length)} (${standardWords(op.document, op.operation.path, undefined, '') || 'the request table'})` : standardWords(op.document, op.operation.path, undefined, pointer);
    return violation(rules.requestDocument, op.clause, `${p.path} ${p.message}`, words);
  });
}

/** Batches (7.2.1, 7.2.2) with some devices failed answer RetCode 500 with HTTP 200 (ERRATA E-25). */
const batchOperations = new Set(['user_bindDevices', 'user_unbindDevices']);

export function replyViolations(op: ProxiedOperation, status: number, reply: SeenMessage): Violation[] {
  const found: Violation[] = [];
  const { operation } = op;
  const schema = replySchema(operation, status);
  const reject = (message: string, pointer = '') => found.push(violation(rules.replyDocument, op.clause, message, standardWords(op.document, operation.path, schema ? status : 200, pointer)));
  if (schema === undefined) reject(`HTTP ${status} is not a documented reply of ${operation.operationId}`);
  else if (schema !== null) {
    if (reply.unparsable !== undefined) reject(`the reply is not JSON: ${reply.unparsable}`);
    else if (reply.body === undefined || reply.body === null) reject('the reply has no body');
    else if (!schema(reply.body)) for (const e of schema.errors!) reject(`${problemOf('', e).path || '(body)'} ${problemOf('', e).message}`, problemOf('', e).path);
  }
  const retCode = (reply.body as { RetCode?: unknown } | undefined)?.RetCode;
  if (typeof retCode === 'string' && Object.hasOwn(retCodeHttpStatus, retCode)) {
    const expected = retCodeHttpStatus[retCode as RetCode];
    const batchPartial = retCode === '500' && status === 200 && batchOperations.has(operation.operationId);
    if (expected !== status && !batchPartial) {
      found.push(violation(rules.retCodeStatus, op.clause, `RetCode ${retCode} travels with HTTP ${expected}, the reply came with HTTP ${status}`, `table 9, RetCode ${retCode}`));
    }
  }
  return found;
}
