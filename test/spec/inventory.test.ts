// Tables 16–51 of the CHEAA standard (test/spec/cheaa-c2c.inventory.yaml, transcribed from the
// text) against the bundled platform and partner documents, in both directions: every parameter
// of the tables is in the spec as the table states it (or as an erratum decides), and everything
// the spec's operations carry is in a table or is a declared extension.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { bundledApis, deref, operations, type Json, type JsonObject } from '../support/spec.ts';

interface Row {
  table: number;
  operationId: string;
  direction: 'request' | 'response';
  name: string;
  type: string;
  in: 'header' | 'body';
  required: boolean;
  spec?: { type?: string; required?: boolean };
  erratum?: string;
}
interface Extension {
  operationId: string;
  direction: 'request' | 'response';
  name: string;
  in: 'header' | 'body';
  erratum: string;
}
const inventory = parse(readFileSync('test/spec/cheaa-c2c.inventory.yaml', 'utf8')) as {
  interfaces: { table: number; operationId: string; path: string; method: string }[];
  parameters: Row[];
  extensions: Extension[];
};
const errata = readFileSync('openapi/cheaa-c2c/ERRATA.md', 'utf8');

type Required = boolean | 'without-mtls';
interface Found {
  type: string;
  required: Required;
}
const key = (direction: string, where: string, name: string) => `${direction} ${where} ${name}`;

/** Everything an operation carries, as `direction position name` → type and required flag. */
function carried(doc: JsonObject, op: JsonObject): Map<string, Found> {
  const found = new Map<string, Found>();
  for (const ref of (op.parameters ?? []) as Json[]) {
    const p = deref(doc, ref) as JsonObject;
    const schema = deref(doc, p.schema) as JsonObject;
    found.set(key('request', 'header', String(p.name)), {
      type: String(schema.type),
      required: p.required === true ? true : p['x-required-without-mtls'] === true ? 'without-mtls' : false,
    });
  }
  const security = (op.security ?? doc.security ?? []) as JsonObject[];
  if (security.some((alternative) => 'AccessToken' in alternative)) {
    found.set(key('request', 'header', 'AccessToken'), { type: 'string', required: security.every((alternative) => 'AccessToken' in alternative) });
  }
  const bodySchema = (media: JsonObject | undefined) => deref(doc, media?.schema) as JsonObject | undefined;
  const addBody = (direction: string, schema: JsonObject | undefined) => {
    const variants = Array.isArray(schema?.oneOf) ? schema.oneOf.map((v) => deref(doc, v) as JsonObject) : schema ? [schema] : [];
    for (const variant of variants) {
      for (const [name, prop] of Object.entries((variant.properties ?? {}) as JsonObject)) {
        const s = deref(doc, prop) as JsonObject;
        found.set(key(direction, 'body', name), { type: String(s.type), required: ((variant.required ?? []) as string[]).includes(name) });
      }
    }
  };
  const requestBody = deref(doc, op.requestBody) as JsonObject | undefined;
  addBody('request', bodySchema((requestBody?.content as JsonObject | undefined)?.['application/json'] as JsonObject));
  const ok = deref(doc, (op.responses as JsonObject)['200']) as JsonObject;
  addBody('response', bodySchema((ok.content as JsonObject)['application/json'] as JsonObject));
  for (const [name, header] of Object.entries((ok.headers ?? {}) as JsonObject)) {
    const h = deref(doc, header) as JsonObject;
    found.set(key('response', 'header', name), { type: String((deref(doc, h.schema) as JsonObject).type), required: h.required === true });
  }
  return found;
}

const tableType: Record<string, string> = { String: 'string', '-': 'string', Object: 'object', 'Device[]': 'array', 'String[]': 'array' };

/** What the spec must say for a row: the table's word, an erratum's decision, or clause 7.1's rule. */
function expected(row: Row): Found {
  const type = row.spec?.type ?? tableType[row.type];
  assert.ok(type, `unknown table type ${row.type}`);
  const required = row.spec?.required ?? row.required;
  const identityHeader = row.direction === 'request' && row.in === 'header' && (row.name === 'PlatID' || row.name === 'AppID');
  return { type, required: identityHeader && required ? 'without-mtls' : required };
}

const ops = new Map(bundledApis().filter((api) => api.name.startsWith('cheaa-')).flatMap((api) => operations(api.doc).map((o) => [o.operationId, { ...o, doc: api.doc }] as const)));

describe('inventory of tables 16–51 against the spec', () => {
  it('every interface table is an operation with its path and method, and every operation has a table', () => {
    for (const i of inventory.interfaces) {
      const op = ops.get(i.operationId);
      assert.ok(op, `table ${i.table}: no operation ${i.operationId}`);
      assert.equal(op.path, i.path, `table ${i.table}`);
      assert.equal(op.method.toUpperCase(), i.method, `table ${i.table}`);
    }
    assert.deepEqual([...ops.keys()].sort(), inventory.interfaces.map((i) => i.operationId).sort());
  });

  it('every table from 16 to 51 is transcribed', () => {
    const tables = new Set([...inventory.interfaces.map((i) => i.table), ...inventory.parameters.map((p) => p.table)]);
    const missing = Array.from({ length: 36 }, (_, i) => 16 + i).filter((t) => !tables.has(t));
    assert.deepEqual(missing, []);
  });

  for (const row of inventory.parameters) {
    it(`table ${row.table}: ${row.operationId} ${row.direction} ${row.in} ${row.name} is in the spec as the table says`, () => {
      const op = ops.get(row.operationId);
      assert.ok(op);
      const found = carried(op.doc, op.op).get(key(row.direction, row.in, row.name));
      assert.ok(found, 'missing from the spec');
      assert.deepEqual(found, expected(row));
      if (row.erratum) assert.match(errata, new RegExp(`\\| ${row.erratum} \\|`), `${row.erratum} is not in ERRATA.md`);
    });
  }

  for (const [operationId, op] of ops) {
    it(`${operationId}: everything the spec carries is in a table or is a declared extension`, () => {
      const listed = new Set([
        ...inventory.parameters.filter((r) => r.operationId === operationId).map((r) => key(r.direction, r.in, r.name)),
        ...inventory.extensions.filter((e) => e.operationId === operationId).map((e) => key(e.direction, e.in, e.name)),
      ]);
      const extra = [...carried(op.doc, op.op).keys()].filter((k) => !listed.has(k));
      assert.deepEqual(extra, []);
    });
  }

  for (const ext of inventory.extensions) {
    it(`extension ${ext.operationId} ${ext.direction} ${ext.in} ${ext.name} is optional and explained`, () => {
      const op = ops.get(ext.operationId);
      assert.ok(op);
      const found = carried(op.doc, op.op).get(key(ext.direction, ext.in, ext.name));
      assert.ok(found, 'missing from the spec');
      assert.equal(found.required, false);
      assert.match(errata, new RegExp(`\\| ${ext.erratum} \\|`));
    });
  }
});
