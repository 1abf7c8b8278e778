// The partner kit on a real loopback server, called through the generated partner client with the
// standard's examples from the bundled partner document.
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { after, before, beforeEach, describe, it, type TestContext } from 'node:test';
import express from 'express';
import { Agent } from 'undici';
import { createCheaaPartnerClient } from '../../generated/cheaa-c2c/partner.client.ts';
import {
  createPartnerKit,
  InteropError,
  memorySeenEvents,
  partnerOperationOf,
  type DataGatewayReport,
  type PartnerOperationId,
  type PartnerKitOptions,
  type ReportContext,
  type SeenEvents,
  type VerifyUserInput,
} from '../../src/sdk/index.ts';
import { example, partnerDoc, type JsonObject } from './support/bundled.ts';
import { listen } from './support/listen.ts';
import { testPki } from './support/tls.ts';

/** The B platform of the standard's 7.1.4 example (its PlatID header). */
const bPlatform = 'PARTNER-Haier-0000';
const standardReport = (name: string) => example<DataGatewayReport>(partnerDoc, `dataservices_dataGateway.${name}.request`);
const verifyRequest = () => example<{ User: { UserBase: { loginID: string } }[]; AuthToken: string }>(partnerDoc, 'user_verify.standard.request');

/** The names of the standard's reports: the named examples of the 7.2.8 request body. */
const reportExamples = Object.values(
  ((partnerDoc.paths as JsonObject)['/dataservices/dataGateway'] as { post: { requestBody: { content: { 'application/json': { examples: Record<string, { $ref: string }> } } } } }).post
    .requestBody.content['application/json'].examples,
).map(({ $ref }) => $ref.replace('#/components/examples/', ''));

interface Harness {
  baseUrl: string;
  client: ReturnType<typeof createCheaaPartnerClient>;
  reports: [DataGatewayReport, ReportContext][];
  verifications: VerifyUserInput[];
  close(): void;
}

/** Starts a kit whose callbacks record their calls; `behaviour` lets a test change what they answer. */
async function startKit(
  options: Partial<PartnerKitOptions> = {},
  server: (app: express.Express) => Server = createHttpServer,
  /** A middleware of the caller's app, before the kit. */
  prelude: express.RequestHandler = (_req, _res, next) => next(),
) {
  const reports: Harness['reports'] = [];
  const verifications: Harness['verifications'] = [];
  const behaviour = {
    verify: (_input: VerifyUserInput): boolean | Promise<boolean> => true,
    report: (_report: DataGatewayReport): void | Promise<void> => {},
  };
  const app = express();
  app.use(prelude);
  app.use(
    createPartnerKit({
      verifyUser: (input) => {
        verifications.push(input);
        return behaviour.verify(input);
      },
      onReport: (report, context) => {
        reports.push([report, context]);
        return behaviour.report(report);
      },
      log: { error: () => {} },
      ...options,
    }),
  );
  const { port, close } = await listen(server(app));
  const scheme = server === createHttpServer ? 'http' : 'https';
  const baseUrl = `${scheme}://127.0.0.1:${port}${options.basePath ?? '/v1'}`;
  return { baseUrl, client: createCheaaPartnerClient({ baseUrl, headers: { PlatID: bPlatform } }), reports, verifications, behaviour, close };
}

async function ownKit(t: TestContext, ...args: Parameters<typeof startKit>) {
  const kit = await startKit(...args);
  t.after(kit.close);
  return kit;
}

/**
 * The body of a 200 reply. The generated client passes its init `as never`, so openapi-fetch
 * types `data` as never; the reply is the spec's Result all the same.
 */
const result = (reply: { data?: unknown }) => reply.data as { RetCode: string; RetInfo: string } | undefined;

const post = (url: string, body: string, contentType = 'application/json') =>
  fetch(url, { method: 'POST', headers: { 'content-type': contentType, PlatID: bPlatform }, body });

describe('partner kit', () => {
  let kit: Awaited<ReturnType<typeof startKit>>;
  before(async () => {
    kit = await startKit();
  });
  beforeEach(() => {
    kit.reports.length = 0;
    kit.verifications.length = 0;
    kit.behaviour.verify = () => true;
    kit.behaviour.report = () => {};
  });
  after(() => kit.close());

  it('7.2.8 the standard has a report of each DataType', () => {
    assert.deepEqual(new Set(reportExamples.map((name) => standardReport(name.split('.')[1]!).DataType)), new Set(['attr', 'alarm', 'onOffline']));
  });

  for (const name of reportExamples) {
    it(`7.2.8 the standard's report ${name} reaches onReport as sent and is answered with the standard reply`, async () => {
      const report = example<DataGatewayReport>(partnerDoc, name);
      const { data, response } = await kit.client.dataservices_dataGateway({ body: report });
      assert.equal(response.status, 200);
      assert.deepEqual(data, example(partnerDoc, 'dataservices_dataGateway.standard.response'));
      assert.deepEqual(kit.reports, [[report, { eventId: undefined, platId: bPlatform }]]);
    });
  }

  it('7.2.8 a report delivered twice with one EventID reaches onReport once; both deliveries get RetCode 200', async () => {
    const send = () => kit.client.dataservices_dataGateway({ params: { header: { EventID: '01HZY3V0K8C0J8E6R9QW7M2T5N' } }, body: standardReport('standard-alarm') });
    const first = await send();
    const second = await send();
    assert.equal(result(first)?.RetCode, '200');
    assert.equal(result(second)?.RetCode, '200');
    assert.equal(kit.reports.length, 1);
    assert.equal(kit.reports[0]?.[1].eventId, '01HZY3V0K8C0J8E6R9QW7M2T5N');
  });

  it('7.2.8 reports without EventID (senders that follow only the standard) are all passed through', async () => {
    await kit.client.dataservices_dataGateway({ body: standardReport('standard-online') });
    await kit.client.dataservices_dataGateway({ body: standardReport('standard-online') });
    assert.equal(kit.reports.length, 2);
  });

  it('7.2.8 one EventID from two platforms is two reports', async () => {
    const from = (platId: string) =>
      kit.client.dataservices_dataGateway({ params: { header: { EventID: 'evt-1', PlatID: platId } }, body: standardReport('standard-offline') });
    await from('PARTNER-Haier-0000');
    await from('PARTNER-Midea-0000');
    assert.deepEqual(
      kit.reports.map(([, context]) => context.platId),
      ['PARTNER-Haier-0000', 'PARTNER-Midea-0000'],
    );
  });

  it('7.2.8 a report onReport fails on is answered RetCode 5000 and its EventID forgotten, so the retry is delivered', async () => {
    let attempts = 0;
    kit.behaviour.report = () => {
      attempts += 1;
      if (attempts === 1) throw new Error('database unavailable');
    };
    const send = () => kit.client.dataservices_dataGateway({ params: { header: { EventID: 'evt-retry' } }, body: standardReport('standard-attr') });

    const failed = await send();
    assert.equal(failed.response.status, 500);
    assert.equal(failed.error?.RetCode, '5000');
    const retried = await send();
    assert.equal(result(retried)?.RetCode, '200');
    assert.equal(attempts, 2);
  });

  it('7.2.8 onReport refusing with an InteropError answers its RetCode', async () => {
    kit.behaviour.report = () => {
      throw new InteropError('4041', 'unknown device C8934610162D');
    };
    const { error, response } = await kit.client.dataservices_dataGateway({ body: standardReport('standard-attr') });
    assert.equal(response.status, 404);
    assert.deepEqual(error, { RetCode: '4041', RetInfo: 'unknown device C8934610162D' });
  });

  it('7.2.8 the standard\'s attr report as printed, with its key "DeviceID " (trailing space), is refused with RetCode 400 and never reaches onReport', async () => {
    const { DeviceID, ...rest } = standardReport('standard-attr') as DataGatewayReport & Record<string, unknown>;
    const res = await post(`${kit.baseUrl}/dataservices/dataGateway`, JSON.stringify({ ...rest, 'DeviceID ': DeviceID }));
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { RetCode: string }).RetCode, '400');
    assert.equal(kit.reports.length, 0);
  });

  it("7.1.4 the standard's verify request: verifyUser gets the loginID, AuthToken and caller, and the reply is the standard's", async () => {
    const body = verifyRequest();
    const { data, response } = await kit.client.user_verify({ body });
    assert.equal(response.status, 200);
    assert.deepEqual(data, example(partnerDoc, 'user_verify.standard.response'));
    assert.deepEqual(kit.verifications, [
      { loginId: 'ACompanyUser132df43', authToken: body.AuthToken, platId: bPlatform, appId: undefined, user: body.User[0] },
    ]);
  });

  it('7.1.4 verifyUser answering false refuses the user with RetCode 4032', async () => {
    kit.behaviour.verify = () => false;
    const { error, response } = await kit.client.user_verify({ params: { header: { AppID: '17592186044420' } }, body: verifyRequest() });
    assert.equal(response.status, 403);
    assert.equal(error?.RetCode, '4032');
    assert.match(error?.RetInfo ?? '', /ACompanyUser132df43/);
    assert.equal(kit.verifications[0]?.appId, '17592186044420');
  });

  it("7.1.4 verifyUser throwing an InteropError answers it, as in the spec's unknown-user example", async () => {
    const unknownUser = example<{ RetCode: '4042'; RetInfo: string }>(partnerDoc, 'user_verify.4042.response');
    kit.behaviour.verify = () => {
      throw new InteropError(unknownUser.RetCode, unknownUser.RetInfo);
    };
    const { error, response } = await kit.client.user_verify({ body: verifyRequest() });
    assert.equal(response.status, 404);
    assert.deepEqual(error, unknownUser);
  });

  it('7.1 over plain HTTP user verify without the PlatID header is refused with RetCode 400 naming it', async () => {
    const res = await fetch(`${kit.baseUrl}/user/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(verifyRequest()) });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { RetCode: string; RetInfo: string };
    assert.equal(body.RetCode, '400');
    assert.match(body.RetInfo, /PlatID.*mutual TLS/);
    assert.equal(kit.verifications.length, 0);
  });

  const refusals: [string, () => Promise<Response>, number, string][] = [
    ['6.2 malformed JSON', () => post(`${kit.baseUrl}/dataservices/dataGateway`, '{"TimeStamp": "1444965812870",'), 400, '400'],
    ['6.2 a text/plain body', () => post(`${kit.baseUrl}/dataservices/dataGateway`, JSON.stringify(standardReport('standard-alarm')), 'text/plain'), 415, '415'],
    ['a body over the size limit', () => post(`${kit.baseUrl}/dataservices/dataGateway`, JSON.stringify({ ...standardReport('standard-alarm'), pad: 'x'.repeat(200_000) })), 413, '413'],
    ['6.3 an unknown path under the base path', () => post(`${kit.baseUrl}/dataservices/dataGateway2`, '{}'), 404, '404'],
    ['6.2 a GET', () => fetch(`${kit.baseUrl}/user/verify`, { headers: { PlatID: bPlatform } }), 405, '405'],
  ];
  for (const [what, send, status, retCode] of refusals) {
    it(`${what} is answered in the standard's body with RetCode ${retCode}`, async () => {
      const res = await send();
      assert.equal(res.status, status);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      const body = (await res.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body).sort(), ['RetCode', 'RetInfo']);
      assert.equal(body.RetCode, retCode);
      assert.equal(kit.reports.length, 0);
    });
  }
});

describe('partner kit, mounted and configured by the caller', () => {
  it('6.3 under a base path of the caller\'s choice the interfaces are served and still validated, and the caller\'s app sees the real URL', async (t) => {
    const logged: string[] = [];
    const accessLog: express.RequestHandler = (req, res, next) => {
      res.on('finish', () => logged.push(req.originalUrl));
      next();
    };
    const kit = await ownKit(t, { basePath: '/cheaa/partner/v1' }, createHttpServer, accessLog);
    const accepted = await kit.client.dataservices_dataGateway({ body: standardReport('standard-alarm') });
    assert.equal(result(accepted)?.RetCode, '200');
    const refused = await kit.client.dataservices_dataGateway({ body: { ...standardReport('standard-alarm'), TimeStamp: '2015-10-16' } });
    assert.equal(refused.response.status, 400);
    assert.match(refused.error?.RetInfo ?? '', /TimeStamp/);
    assert.equal(kit.reports.length, 1);
    assert.deepEqual(logged, ['/cheaa/partner/v1/dataservices/dataGateway', '/cheaa/partner/v1/dataservices/dataGateway']);
  });

  it("7.2.8 the platform's own seen store is asked with the EventID, the sender's PlatID and the report", async (t) => {
    const claims: [string, string | undefined, DataGatewayReport][] = [];
    const inner = memorySeenEvents();
    const seen: SeenEvents = {
      claim: async (eventId, platId, report) => {
        claims.push([eventId, platId, report]);
        return inner.claim(eventId, platId, report);
      },
      release: (eventId, platId) => inner.release(eventId, platId),
    };
    const kit = await ownKit(t, { seen });
    for (let i = 0; i < 2; i += 1) {
      await kit.client.dataservices_dataGateway({ params: { header: { EventID: 'evt-db' } }, body: standardReport('standard-attr') });
    }
    assert.deepEqual(claims, [
      ['evt-db', bPlatform, standardReport('standard-attr')],
      ['evt-db', bPlatform, standardReport('standard-attr')],
    ]);
    assert.equal(kit.reports.length, 1);
  });

  it('beforeHandler runs on each valid request before its callback: it names the interface, may delay it, refuse it, or answer it itself', async (t) => {
    const seen: [PartnerOperationId | undefined, unknown][] = [];
    let mode: 'delay' | 'refuse' | 'answer' = 'delay';
    const kit = await ownKit(t, {
      beforeHandler: async (req, res, next) => {
        seen.push([partnerOperationOf(req), req.body]);
        if (mode === 'refuse') throw new InteropError('503', 'not taking reports now');
        if (mode === 'answer') return void res.status(500).json({ RetCode: '5000', RetInfo: 'answered by the hook' });
        await new Promise((resolve) => setTimeout(resolve, 50));
        next();
      },
    });
    const started = performance.now();
    assert.equal(result(await kit.client.user_verify({ body: verifyRequest() }))?.RetCode, '200');
    assert.ok(performance.now() - started >= 45, 'the reply waited for the hook');
    assert.equal(kit.verifications.length, 1);
    assert.deepEqual(seen, [['user_verify', verifyRequest()]]);

    mode = 'refuse';
    const refused = await kit.client.dataservices_dataGateway({ body: standardReport('standard-alarm') });
    assert.equal(refused.response.status, 503);
    assert.deepEqual(refused.error, { RetCode: '503', RetInfo: 'not taking reports now' });
    mode = 'answer';
    const answered = await kit.client.dataservices_dataGateway({ body: standardReport('standard-alarm') });
    assert.equal(answered.response.status, 500);
    assert.deepEqual(answered.error, { RetCode: '5000', RetInfo: 'answered by the hook' });
    assert.equal(kit.reports.length, 0, 'neither reached onReport');

    // An invalid request is refused by the validator first: the hook never sees it.
    const invalid = await post(`${kit.baseUrl}/dataservices/dataGateway`, JSON.stringify({ ...standardReport('standard-alarm'), TimeStamp: '2015-10-16' }));
    assert.equal(invalid.status, 400);
    assert.deepEqual(
      seen.map(([operationId]) => operationId),
      ['user_verify', 'dataservices_dataGateway', 'dataservices_dataGateway'],
    );
  });

  it('6.6.1.1 under mutual TLS the partner certificate stands for the PlatID header, which may be left out', async (t) => {
    const pki = await testPki();
    const kit = await ownKit(t, {}, (app) => createHttpsServer({ ca: pki.ca, ...pki.server, requestCert: true, rejectUnauthorized: true }, app));
    const dispatcher = new Agent({ connect: { ca: pki.ca, ...pki.client } });
    t.after(() => dispatcher.close());
    const client = createCheaaPartnerClient({ baseUrl: kit.baseUrl, requestInitExt: { dispatcher } });

    assert.equal(result(await client.user_verify({ body: verifyRequest() }))?.RetCode, '200');
    assert.equal(kit.verifications[0]?.platId, undefined);
  });
});

describe('memorySeenEvents', () => {
  const report = standardReport('standard-alarm');
  it('keeps the most recent events up to its capacity, forgetting the oldest first', () => {
    const seen = memorySeenEvents(2);
    assert.equal(seen.claim('e1', 'P', report), true);
    assert.equal(seen.claim('e2', 'P', report), true);
    assert.equal(seen.claim('e1', 'P', report), false);
    assert.equal(seen.claim('e3', 'P', report), true);
    assert.equal(seen.claim('e1', 'P', report), true, 'e1 was the oldest and is forgotten');
    assert.equal(seen.claim('e3', 'P', report), false);
  });

  it('keeps platforms apart and forgets a released event', () => {
    const seen = memorySeenEvents();
    assert.equal(seen.claim('e1', 'A', report), true);
    assert.equal(seen.claim('e1', 'B', report), true);
    assert.equal(seen.claim('e1', undefined, report), true);
    seen.release('e1', 'A');
    assert.equal(seen.claim('e1', 'A', report), true);
  });
});
