// The compiled validators (generated/<doc>.validators.ts through src/validation/) against
// express-openapi-validator, the library they replace, as the oracle: both get the same requests
// and the same replies, over HTTP, for every operation of the three documents: the named examples,
// at least 500 generated requests the schemas accept and 500 with one mutation each, and the
// documented replies with generated and mutated bodies. They must accept and refuse alike; a
// disagreement fails with the input shown.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import fc from 'fast-check';
import { cheaaPartnerEovValidator } from '../../generated/cheaa-c2c/partner.eov-middleware.ts';
import { cheaaPartnerValidator } from '../../generated/cheaa-c2c/partner.middleware.ts';
import { cheaaPlatformEovValidator } from '../../generated/cheaa-c2c/platform.eov-middleware.ts';
import { cheaaPlatformValidator } from '../../generated/cheaa-c2c/platform.middleware.ts';
import { gbt43960EovValidator } from '../../generated/gbt43960/gbt43960.eov-middleware.ts';
import { gbt43960Validator } from '../../generated/gbt43960/gbt43960.middleware.ts';
import { arbitraryOf, mutate } from '../support/schema-arbitrary.ts';
import { bundledApis, deref, operations, pointer, schemaValidator, type Json, type JsonObject } from '../support/spec.ts';

const VALID = 500;
const MUTATED = 500;
const REPLIES = 40;
const SEED = 20_261_202;
const allow = () => true;

const engines: Record<string, { compiled: RequestHandler; library: RequestHandler }> = {
  'cheaa-platform': {
    compiled: cheaaPlatformValidator({ securityHandlers: { PartnerCertificate: allow, AccessToken: allow } }),
    library: cheaaPlatformEovValidator({ securityHandlers: { PartnerCertificate: allow, AccessToken: allow } }),
  },
  'cheaa-partner': {
    compiled: cheaaPartnerValidator({ securityHandlers: { PartnerCertificate: allow } }),
    library: cheaaPartnerEovValidator({ securityHandlers: { PartnerCertificate: allow } }),
  },
  gbt43960: { compiled: gbt43960Validator({ securityHandlers: {} }), library: gbt43960EovValidator({ securityHandlers: {} }) },
};

interface Exchange {
  what: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The reply the handler sends when the request passes; none: it answers 299 without a body. */
  reply?: { status: number; body: Json };
}

/** An app that answers 299 (or the exchange's reply) when the validator lets the request through. */
function serve(validator: RequestHandler, replies: Exchange['reply'][]): Promise<Server> {
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.use(validator);
  app.use((req, res) => {
    const reply = replies[Number(req.get('x-reply'))];
    if (reply === undefined) return void res.status(299).end();
    res.status(reply.status).json(reply.body);
  });
  // Not res.json: the refusal would be checked as a reply of the operation in turn.
  const refused: ErrorRequestHandler = (err: { status?: number }, _req, res, _next) => void res.status(err.status ?? 500).end();
  app.use(refused);
  const server = createServer(app);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function outcome(server: Server, exchange: Exchange, index: number): Promise<number> {
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}${exchange.url}`, {
    method: 'POST',
    headers: { ...exchange.headers, ...(exchange.reply ? { 'x-reply': String(index) } : {}) },
    body: exchange.body,
  });
  await response.arrayBuffer();
  return response.status;
}

/** Runs `work` over the items, `width` at a time. */
async function inTurns<T>(items: T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  }));
}

for (const api of bundledApis()) {
  describe(`${api.name}: the compiled validators accept and refuse what express-openapi-validator does`, () => {
    const doc = api.doc;
    const validate = schemaValidator(api);
    const basePath = '/' + String((doc.servers as JsonObject[])[0]!.url).split('/').slice(3).join('/').replace('{apiVersion}', 'v1');
    const servers: Server[] = [];
    const exchanges = new Map<string, Exchange[]>();

    before(async () => {
      for (const { path, method, operationId, op } of operations(doc)) {
        const list: Exchange[] = [];
        const params = ((op.parameters as Json[] | undefined) ?? []).map((p) => deref(doc, p) as JsonObject).filter((p) => p.in === 'header');
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        for (const p of params) headers[p.name as string] = fc.sample(arbitraryOf(doc, p.schema as JsonObject), { numRuns: 1, seed: SEED })[0] as string;
        // The AccessToken scheme is a header the security requirements name, not a parameter.
        const schemes = ((doc.components as JsonObject).securitySchemes as JsonObject | undefined) ?? {};
        for (const scheme of Object.values(schemes) as JsonObject[]) if (scheme.type === 'apiKey' && scheme.in === 'header') headers[scheme.name as string] = 'TGT-differential-test';
        const content = (deref(doc, op.requestBody as Json) as JsonObject).content as JsonObject;
        const media = content['application/json'] as JsonObject;
        const bodySchema = media.schema as JsonObject;
        const bodyPointer = pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema');
        const bodyValid = validate(bodyPointer);
        const url = `${basePath}${path}`;
        const examples = Object.entries((media.examples as JsonObject | undefined) ?? {}).map(([name, e]) => [name, (deref(doc, e) as JsonObject).value] as const);
        for (const [name, value] of examples) list.push({ what: `${operationId} example ${name}`, url, headers, body: JSON.stringify(value) });

        // The generator knows no dependentSchemas (GB/T gateway creation): it draws until enough pass.
        const valid: Json[] = [];
        const candidates = arbitraryOf(doc, bodySchema);
        for (let round = 0; valid.length < VALID && round < 50; round += 1) {
          for (const candidate of fc.sample(candidates, { numRuns: VALID, seed: SEED + round })) if (valid.length < VALID && bodyValid(candidate)) valid.push(candidate);
        }
        assert.equal(valid.length, VALID, `${operationId}: too few generated bodies are valid`);
        valid.forEach((body, i) => list.push({ what: `${operationId} valid #${i}`, url, headers, body: JSON.stringify(body) }));
        for (let i = 0; i < MUTATED; i += 1) {
          list.push({ what: `${operationId} mutation #${i}`, url, headers, body: JSON.stringify(mutate(valid[i % valid.length]!, i * 7919 + 13)) });
        }
        const standard = JSON.stringify(examples[0]?.[1] ?? valid[0]);
        for (const name of Object.keys(headers)) {
          const { [name]: _left, ...without } = headers;
          list.push({ what: `${operationId} without header ${name}`, url, headers: without, body: standard });
          list.push({ what: `${operationId} header ${name} out of its schema`, url, headers: { ...headers, [name]: name === 'content-type' ? 'text/plain' : `${'!'.repeat(80)}` }, body: standard });
        }

        for (const [status, declared] of Object.entries(op.responses as JsonObject)) {
          if (Number(status) >= 500) continue;
          const response = deref(doc, declared) as JsonObject;
          const replyMedia = (response.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined;
          if (!replyMedia) continue;
          const replyValid = validate(`${String((declared as JsonObject).$ref ?? pointer('paths', path, method, 'responses', status))}/content/application~1json/schema`);
          const bodies: [string, Json][] = Object.entries((replyMedia.examples as JsonObject | undefined) ?? {}).map(([name, e]) => [`example ${name}`, (deref(doc, e) as JsonObject).value as Json]);
          const generated = fc.sample(arbitraryOf(doc, replyMedia.schema as JsonObject), { numRuns: REPLIES * 4, seed: SEED }).filter((b) => replyValid(b)).slice(0, REPLIES);
          generated.forEach((b, i) => bodies.push([`valid #${i}`, b], [`mutation #${i}`, mutate(b, i * 104_729 + 7)]));
          for (const [name, body] of bodies) list.push({ what: `${operationId} reply ${status} ${name}`, url, headers, body: standard, reply: { status: Number(status), body } });
        }
        exchanges.set(operationId, list);
      }
      const replies = [...exchanges.values()].flat().map((e) => e.reply);
      const { compiled, library } = engines[api.name]!;
      servers.push(await serve(compiled, replies), await serve(library, replies));
    });
    after(async () => {
      for (const server of servers) await new Promise((resolve) => server.close(resolve));
    });

    for (const { operationId } of operations(doc)) {
      it(`${operationId}: the same verdict on every request and reply`, async () => {
        const list = exchanges.get(operationId)!;
        const offset = [...exchanges.keys()].slice(0, [...exchanges.keys()].indexOf(operationId)).reduce((n, id) => n + exchanges.get(id)!.length, 0);
        const disagreements: string[] = [];
        let accepted = 0;
        await inTurns(list, 16, async (exchange, i) => {
          const [compiled, library] = await Promise.all(servers.map((server) => outcome(server, exchange, offset + i)));
          const passed = (status: number) => status === (exchange.reply?.status ?? 299);
          if (passed(compiled!)) accepted += 1;
          if (passed(compiled!) !== passed(library!)) {
            disagreements.push(`${exchange.what}: compiled ${compiled}, express-openapi-validator ${library}\n    headers ${JSON.stringify(exchange.headers)}\n    body ${exchange.body.slice(0, 400)}${exchange.reply ? `\n    reply ${exchange.reply.status} ${JSON.stringify(exchange.reply.body).slice(0, 400)}` : ''}`);
          }
        });
        assert.deepEqual(disagreements.slice(0, 5), [], `${disagreements.length} of ${list.length} disagree`);
        assert.ok(accepted >= VALID && accepted < list.length, `both accept some and refuse some (accepted ${accepted} of ${list.length})`);
      });
    }
  });
}
