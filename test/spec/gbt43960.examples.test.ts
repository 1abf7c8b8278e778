// What the generic example test (test/spec/examples.test.ts) cannot know of the GB/T 43960-2024
// document: the status table is complete and consistent, the corrected examples are right (the
// devSign example is a real HMAC) and the standard's broken values stay refused, the cross-field
// rules of edge gateway creation hold, and every operation follows the naming and token rules.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { bundledApis, deref, operations, schemaValidator, type JsonObject } from '../support/spec.ts';

const api = bundledApis().find((a) => a.name === 'gbt43960');
assert.ok(api, 'gbt43960 is not in redocly.yaml');
const doc = api.doc;
const validatorAt = schemaValidator(api);
const schema = (name: string) => validatorAt(`#/components/schemas/${name}`);
const example = (name: string) => deref(doc, { $ref: `#/components/examples/${name}` }) as JsonObject;
const value = (name: string) => structuredClone(example(name).value) as JsonObject;
const schemas = (doc.components as JsonObject).schemas as JsonObject;

describe('gbt43960: additions to the standard stay optional', () => {
  it("A.2.6.2: the standard's reply without gatewId is a valid gateway creation reply (I-10)", () => {
    const reply = value('gateway_create.standard.response');
    assert.ok(reply.gatewId, 'the reference reply carries gatewId');
    delete reply.gatewId;
    const validate = schema('GatewayCreateReply');
    assert.ok(validate(reply), JSON.stringify(validate.errors));
  });
});

describe('gbt43960: the status table', () => {
  const status = schemas.Status as JsonObject;
  const codes = status.enum as number[];

  it('keeps the standard\'s 200 and 100100 and names, describes and maps every code', () => {
    assert.ok(codes.includes(200) && codes.includes(100100));
    assert.equal((status['x-enum-varnames'] as string[]).length, codes.length);
    assert.equal(new Set(status['x-enum-varnames'] as string[]).size, codes.length);
    assert.equal((status['x-enum-descriptions'] as string[]).length, codes.length);
    assert.deepEqual(Object.keys(status['x-http-status'] as JsonObject).map(Number).sort(), [...codes].sort());
    for (const http of Object.values(status['x-http-status'] as JsonObject)) assert.ok(Number.isInteger(http) && (http as number) >= 200 && (http as number) < 600);
  });

  it('sends success and every refusal of a well-formed packet with HTTP 200, a malformed packet with 400', () => {
    const http = status['x-http-status'] as Record<string, number>;
    assert.equal(http['200'], 200);
    assert.equal(http['100100'], 200);
    assert.equal(http['100103'], 400);
  });

  it('FailureStatus is Status without 200', () => {
    assert.deepEqual((schemas.FailureStatus as JsonObject).enum, codes.filter((c) => c !== 200));
  });
});

describe('gbt43960: corrected examples and the standard\'s values', () => {
  it('A.2.4 the devSign example is HMAC-SHA256 of devId under the example secret its description names', () => {
    const secret = 'example-secret-of-device-6565818958';
    assert.match(String(example('device_auth.standard.request').description), new RegExp(secret));
    const { devId, devSign } = value('device_auth.standard.request').data as JsonObject;
    assert.equal(devSign, createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(String(devId), 'utf8')).digest('hex'));
  });

  it('A.2.4 the standard\'s devSign "02357.PDF" and an upper-case signature are malformed', () => {
    const validate = schema('DeviceAuthRequest');
    const request = value('device_auth.standard.request');
    (request.data as JsonObject).devSign = '02357.PDF';
    assert.equal(validate(request), false);
    (request.data as JsonObject).devSign = String((value('device_auth.standard.request').data as JsonObject).devSign).toUpperCase();
    assert.equal(validate(request), false);
  });

  it('A.2.5 the standard\'s reply as printed, with leading spaces, is refused', () => {
    const validate = validatorAt('#/components/schemas/DeviceQueryReply');
    assert.ok(validate(value('device_query.standard.response')));
    assert.equal(validate({ ...value('device_query.standard.response'), msg: ' success' }), false);
    assert.equal(validate({ ...value('device_query.standard.response'), devGroup: ' 1#产线' }), false);
  });

  it('A.2.6 the standard\'s commUrl "MQTT" is refused', () => {
    const request = value('gateway_create.standard.request');
    (request.data as JsonObject).commUrl = 'MQTT';
    assert.equal(schema('GatewayCreateRequest')(request), false);
  });

  it('userId as a JSON number is refused', () => {
    assert.equal(schema('DeviceQueryRequest')({ ...value('device_query.standard.request'), userId: 438362794917922816 }), false);
  });

  it('/token refuses an envelope that carries access_token', () => {
    assert.equal(schema('TokenRequest')({ ...value('token.inferred.request'), access_token: 'fO44R6tOWxh3wrTlkWP0' }), false);
  });

  it('device identifier query takes exactly one of devId and devIdentifier', () => {
    const validate = schema('DeviceIdentifierQueryParams');
    assert.ok(validate({ devId: '6565818958' }));
    assert.ok(validate({ devIdentifier: '88.100.1/DEV-6565818958' }));
    assert.equal(validate({}), false);
    assert.equal(validate({ devId: '6565818958', devIdentifier: '88.100.1/DEV-6565818958' }), false);
  });

  it('identifiers have a numeric prefix, a slash and a suffix', () => {
    const validate = schema('DevIdentifier');
    for (const ok of ['88.100.1/DEV-6565818958', '86.1000.22/abc:1/2']) assert.ok(validate(ok), ok);
    for (const bad of ['DEV-6565818958', '88/DEV', '88.100.1/', '88.100.1/ DEV', 'a8.100.1/DEV']) assert.equal(validate(bad), false, bad);
  });
});

describe('gbt43960: A.2.6 commCode, iotType and commUrl agree', () => {
  const validate = schema('GatewayCreateParams');
  const gateway = (commCode: string, iotType: string, commUrl: string) => ({ gatewName: '数据采集网关', commCode, iotType, commUrl });
  const table: [string, string, string, boolean][] = [
    ['70', '701', 'mqtt://iot.example.com:1883', true],
    ['70', '702', 'wss://iot.example.com/mqtt', true],
    ['10', '101', 'https://iot.example.com/ingest', true],
    ['20', '202', 'coaps://[2001:db8::1]:5684/obs', true],
    ['30', '302', 'opc.tcp://10.20.1.15:4840/line2', true],
    ['70', '301', 'mqtt://iot.example.com:1883', false],
    ['70', '701', 'https://iot.example.com', false],
    ['30', '302', 'mqtt://10.20.1.15:1883', false],
    ['10', '101', 'HTTPS://iot.example.com', false],
    ['70', '701', 'mqtt://user:pw@iot.example.com:1883', false],
    ['70', '701', 'mqtt://iot.example.com:1883?x=1', false],
    ['80', '801', 'mqtt://iot.example.com:1883', false],
  ];
  for (const [commCode, iotType, commUrl, ok] of table) {
    it(`${commCode}/${iotType} at ${commUrl} is ${ok ? 'accepted' : 'refused'}`, () => {
      assert.equal(validate(gateway(commCode, iotType, commUrl)), ok, JSON.stringify(validate.errors));
    });
  }
});

describe('gbt43960: operations', () => {
  const root = parse(readFileSync(api.root, 'utf8')) as { paths: Record<string, { $ref: string }> };
  for (const { path, operationId, op } of operations(doc)) {
    it(`${path}: file paths/${operationId}.yaml, operationId, clause, token rule, request and 200/400 examples`, () => {
      assert.equal(root.paths[path]?.$ref, `paths/${path.slice(1).replaceAll('/', '_')}.yaml`);
      assert.equal(operationId, path.slice(1).replaceAll('/', '_'));
      assert.match(String(op['x-standard-clause']), /^(A\.2\.[4-7]|9)$/);
      if (operationId === 'token') assert.equal(op['x-body-token'], undefined);
      else assert.equal(op['x-body-token'], 'access_token');
      if (String(op['x-standard-clause']).startsWith('9')) assert.equal(op['x-inferred'], true);
      const responses = op.responses as JsonObject;
      for (const status of ['200', '400']) {
        const media = ((deref(doc, responses[status]) as JsonObject).content as JsonObject)['application/json'] as JsonObject;
        assert.ok(Object.keys(media.examples as JsonObject).length > 0, `${status} has no example`);
      }
    });
  }
});
