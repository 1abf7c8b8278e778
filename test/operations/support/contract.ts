// The refusals every interface of the platform document shares, as tables: the caller's identity
// (clause 7.1, E-13), the request's form (clause 6.2) and, where the interface takes one, the
// AccessToken (clause 6.6.1.2). Each operation's test file runs them with a request of its own.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cheaaPlatformOperations, type CheaaPlatformOperationId } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import { retCodeHttpStatus, type RetCode } from '../../../generated/cheaa-c2c/platform.retcodes.ts';
import { OTHER_PARTNER, replyExample } from '../../support/examples.ts';
import { type CallerHeaders, type Session, type TestPlatform } from '../../support/platform.ts';
import { type TestPartner } from '../../support/test-partner.ts';

export interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface SendOptions {
  /** The partner calling (default: the session's, or the platform's first partner). */
  as?: TestPartner;
  headers?: CallerHeaders & Record<string, string | null>;
  /** The exact bytes to send instead of the body as JSON. */
  raw?: string;
}

/** Calls an operation through the generated client, whatever the body, and returns the reply. */
export async function send(p: TestPlatform, operationId: CheaaPlatformOperationId, body: unknown, options: SendOptions = {}): Promise<Reply> {
  const client = p.client(options.as) as unknown as Record<CheaaPlatformOperationId, (init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>>;
  const init: Record<string, unknown> = { body, headers: options.headers ?? {} };
  if (options.raw !== undefined) init.bodySerializer = () => options.raw;
  const { data, error, response } = await client[operationId](init);
  return { status: response.status, body: data ?? error, headers: response.headers };
}

/** Asserts the reply is the standard's envelope with this RetCode, at the HTTP status the registry gives it. */
export function assertRefused(reply: Reply, retCode: RetCode, retInfo?: string | RegExp): { RetCode: string; RetInfo: string; [field: string]: unknown } {
  const body = reply.body as { RetCode?: unknown; RetInfo?: unknown };
  assert.equal(body?.RetCode, retCode, `expected RetCode ${retCode}, got HTTP ${reply.status} ${JSON.stringify(body)}`);
  assert.equal(reply.status, retCodeHttpStatus[retCode], `RetCode ${retCode} travels with HTTP ${retCodeHttpStatus[retCode]}`);
  assert.equal(typeof body.RetInfo, 'string');
  assert.notEqual(body.RetInfo, '', 'RetInfo says why');
  if (typeof retInfo === 'string') assert.equal(body.RetInfo, retInfo);
  else if (retInfo) assert.match(body.RetInfo as string, retInfo);
  return body as { RetCode: string; RetInfo: string; [field: string]: unknown };
}

/**
 * Asserts the reply is a processed 7.2.1/7.2.2 batch in which some device failed: RetCode 500 with
 * FailedIDs, on HTTP 200, since the devices that succeeded are done (ERRATA E-25).
 */
export function assertPartlyFailed(reply: Reply, retInfo?: RegExp): { RetCode: string; RetInfo: string; FailedIDs: string[]; [field: string]: unknown } {
  const body = reply.body as { RetCode?: unknown; RetInfo?: unknown; FailedIDs?: unknown };
  assert.equal(body?.RetCode, '500', `expected RetCode 500, got HTTP ${reply.status} ${JSON.stringify(body)}`);
  assert.equal(reply.status, 200, 'a processed batch travels with HTTP 200 whatever its RetCode');
  assert.ok(Array.isArray(body.FailedIDs) && body.FailedIDs.length > 0, 'FailedIDs names the devices that failed');
  assert.equal(typeof body.RetInfo, 'string');
  if (retInfo) assert.match(body.RetInfo as string, retInfo);
  return body as { RetCode: string; RetInfo: string; FailedIDs: string[]; [field: string]: unknown };
}

/** The spec's error example for a RetCode, with the example's ids replaced by the request's. */
export function errorExample(retCode: RetCode, replacements: Record<string, string> = {}): { RetCode: string; RetInfo: string } {
  const { RetCode, RetInfo } = replyExample(`error.${retCode}.response`);
  let info = RetInfo;
  for (const [from, to] of Object.entries(replacements)) info = info.replaceAll(from, to);
  return { RetCode, RetInfo: info };
}

export interface ContractOptions {
  operationId: CheaaPlatformOperationId;
  platform: () => TestPlatform;
  /** A request this interface accepts, for a new user of the first partner. */
  valid: (p: TestPlatform) => Promise<{ session?: Session; body: Record<string, unknown> }>;
  /** A required body field to leave out (none for a body without one). */
  missing?: string;
  /** A body field with a value of the wrong type. */
  mistyped?: [field: string, value: unknown];
  /** What RetInfo says of a field the standard does not define, when not its name. */
  unknownField?: RegExp;
}

/** Refusals of the caller's identity and of the request's form, every one before any change. */
export function contractRefusals(o: ContractOptions): void {
  const clause = cheaaPlatformOperations[o.operationId].clause;
  const requiredWithoutMtls = cheaaPlatformOperations[o.operationId].requiredWithoutMtls as readonly string[];
  const token = (s: Session | undefined): Record<string, string> => (s && cheaaPlatformOperations[o.operationId].tokenRequired ? { AccessToken: s.accessToken } : {});

  type Row = [name: string, retCode: RetCode, request: (s: Session | undefined, body: Record<string, unknown>, p: TestPlatform) => [unknown, SendOptions], retInfo?: RegExp];
  const rows: Row[] = [
    ...requiredWithoutMtls.map((header): Row => [
      `without the ${header} header over plain HTTP → RetCode 400 (clause 7.1, E-13)`,
      '400',
      (s, body) => [body, { headers: { ...token(s), [header]: null } }],
      new RegExp(`header ${header} is required without mutual TLS`),
    ]),
    [
      'from a platform that is not a partner → RetCode 403',
      '403',
      (s, body) => [body, { headers: { ...token(s), PlatID: 'NOT-A-PARTNER' } }],
      /platform NOT-A-PARTNER is not a configured partner/,
    ],
    [
      'with an AppID issued to another partner → RetCode 403',
      '403',
      (s, body) => [body, { headers: { ...token(s), AppID: OTHER_PARTNER.appId } }],
      new RegExp(`AppID ${OTHER_PARTNER.appId} was not issued to`),
    ],
    ...(o.missing === undefined
      ? []
      : [
          [
            `without the required field ${o.missing} → RetCode 400 naming it`,
            '400',
            (s, body) => {
              const { [o.missing!]: _left, ...rest } = body;
              return [rest, { headers: token(s) }];
            },
            new RegExp(o.missing),
          ] satisfies Row,
        ]),
    ...(o.mistyped === undefined
      ? []
      : [[`with ${o.mistyped[0]} of the wrong type → RetCode 400 naming it`, '400', (s, body) => [{ ...body, [o.mistyped![0]]: o.mistyped![1] }, { headers: token(s) }], new RegExp(o.mistyped[0])] satisfies Row]),
    [
      'with a body field the standard does not define → RetCode 400 naming it',
      '400',
      (s, body) => [{ ...body, Extra: 'x' }, { headers: token(s) }],
      o.unknownField ?? /Extra/,
    ],
    // A trailing comma: JSON has none.
    ['with malformed JSON → RetCode 400', '400', (s, body) => [body, { headers: token(s), raw: `${JSON.stringify(body).slice(0, -1)},}` }], /malformed JSON/],
    [
      'as text/plain → RetCode 415 (clause 6.2: JSON only)',
      '415',
      (s, body) => [body, { headers: { ...token(s), 'Content-Type': 'text/plain' }, raw: JSON.stringify(body) }],
    ],
    [
      'with a body over the configured limit → RetCode 413',
      '413',
      (s, body, p) => [body, { headers: token(s), raw: JSON.stringify({ ...body, padding: 'x'.repeat(p.config.limits.bodyBytes) }) }],
    ],
  ];
  for (const [name, retCode, request, retInfo] of rows) {
    it(`${clause} ${name}`, async () => {
      const p = o.platform();
      const { session, body } = await o.valid(p);
      const [sent, options] = request(session, body, p);
      assertRefused(await send(p, o.operationId, sent, options), retCode, retInfo);
      // Refused before anything happened: the same request, well formed, still succeeds.
      const again = await send(p, o.operationId, body, { headers: token(session) });
      assert.equal(again.status, 200, `the valid request still succeeds after the refusal: ${JSON.stringify(again.body)}`);
    });
  }
}

/** Refusals of the AccessToken, for the interfaces whose security requires it (6.6.1.2). */
export function tokenRefusals(o: Pick<ContractOptions, 'operationId' | 'platform'> & { valid: (p: TestPlatform) => Promise<{ session: Session; body: Record<string, unknown> }> }): void {
  const clause = cheaaPlatformOperations[o.operationId].clause;
  type Row = [name: string, retCode: RetCode, token: (p: TestPlatform, s: Session) => Promise<string | null>, expected?: { RetCode: string; RetInfo: string }];
  const rows: Row[] = [
    ['without the AccessToken → RetCode 401', '401', async () => null],
    ['with a forged AccessToken → RetCode 4011', '4011', async () => 'TGT-5-e5tcvcZhlBxMSwN6Wnp9uWRU', errorExample('4011')],
    [
      'with an AccessToken destroyed by logout (7.1.2) → RetCode 4011',
      '4011',
      async (p, s) => {
        assert.equal((await send(p, 'user_logout', {}, { headers: { AccessToken: s.accessToken } })).status, 200);
        return s.accessToken;
      },
      errorExample('4011'),
    ],
    ['with an expired AccessToken → RetCode 4012', '4012', (p, s) => p.expiredToken(s), errorExample('4012')],
  ];
  for (const [name, retCode, token, expected] of rows) {
    it(`${clause} ${name}`, async () => {
      const p = o.platform();
      const { session, body } = await o.valid(p);
      const reply = await send(p, o.operationId, body, { headers: { AccessToken: await token(p, session) } });
      const refused = assertRefused(reply, retCode);
      if (expected) assert.deepEqual(refused, expected);
    });
  }
}
