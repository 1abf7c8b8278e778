// Compiles, for every operation of a bundled OpenAPI document, the validators of its documented
// headers, its request body and each of its responses, as Ajv standalone code: an ES module with
// one exported function per validator, so the middleware compiles nothing at start. Ajv is
// configured as express-openapi-validator configures it for OpenAPI 3.1 (draft 2020-12, non-strict,
// first error only, ajv-formats' fast formats and the OpenAPI int32/int64 formats), the oracle the
// compiled validators are tested against (test/spec/validator-differential.test.ts).
import { _ } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';

const standaloneCode = standaloneCodeModule.default;
const addFormats = addFormatsModule.default;

// Schema ids only: nothing is fetched.
const DOCUMENT_ID = 'https://openapi.invalid/document';

// The OpenAPI formats of numbers, as express-openapi-validator defines them; written into the
// generated module (Ajv's standalone code refers to functions by name only).
const NUMBER_FORMATS = `const formats = {
  int32: { type: 'number', validate: (n) => Number.isInteger(n) && n <= 2 ** 31 - 1 && n >= (-2) ** 31 },
  int64: { type: 'number', validate: (n) => Number.isInteger(n) && n <= 2 ** 63 - 1 && n >= (-2) ** 63 },
};`;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string };
  $ref?: string;
}

interface OperationObject {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, unknown> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

export interface OperationValidators {
  headers: string;
  /** `discriminator`: the body's property that picks one schema of its oneOf, and each value's validator. */
  body: { mediaTypes: string[]; required: boolean; name: string; discriminator?: { property: string; options: Record<string, string> } } | undefined;
  /** status → export name, or null for a response without a JSON body. */
  responses: Record<string, string | null>;
}

const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');
const pointer = (...segments: string[]) => `#/${segments.map(escape).join('/')}`;

/** The object at a local $ref (and the $refs it leads to), with the pointer where it lives. */
export function resolveRef<T extends { $ref?: string }>(spec: object, value: T, at: string): { value: T; at: string } {
  let current = value;
  let where = at;
  for (let hops = 0; current.$ref !== undefined; hops += 1) {
    if (hops > 20 || !current.$ref.startsWith('#/')) throw new Error(`cannot follow $ref ${current.$ref} at ${where}`);
    where = current.$ref;
    current = current.$ref
      .slice(2)
      .split('/')
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec) as T;
    if (current === undefined) throw new Error(`$ref ${where} points nowhere`);
  }
  return { value: current, at: where };
}

/** The standalone module and, per operationId, the names of its validators. */
export function compileValidators(spec: { paths: Record<string, Record<string, unknown>> }): { code: string; operations: Record<string, OperationValidators> } {
  const ajv = new Ajv2020({ strict: false, allErrors: false, inlineRefs: false, code: { source: true, esm: true, formats: _`formats` } });
  addFormats(ajv, { mode: 'fast' });
  for (const [name, bits] of [['int32', 31], ['int64', 63]] as const) {
    ajv.addFormat(name, { type: 'number', validate: (n: number) => Number.isInteger(n) && n <= 2 ** bits - 1 && n >= (-2) ** bits });
  }
  ajv.addSchema(spec, DOCUMENT_ID);
  const exports: Record<string, string> = {};
  // One export per schema: Ajv's standalone code declares a shared function twice otherwise.
  const exportNames = new Map<string, string>();
  const exported = (name: string, ref: string): string => {
    const known = exportNames.get(ref);
    if (known !== undefined) return known;
    exportNames.set(ref, name);
    exports[name] = ref;
    return name;
  };
  const operations: Record<string, OperationValidators> = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (typeof raw !== 'object' || raw === null || !('operationId' in raw)) continue;
      const op = raw as OperationObject;
      const at = pointer('paths', path, method);
      const id = op.operationId;

      const properties: Record<string, object> = {};
      const required: string[] = [];
      for (const [i, declared] of (op.parameters ?? []).entries()) {
        const { value: parameter, at: parameterAt } = resolveRef(spec, declared, `${at}/parameters/${i}`);
        if (parameter.in === 'query' || parameter.in === 'path' || parameter.in === 'cookie') {
          throw new Error(`${id}: ${parameter.in} parameter ${parameter.name}: only header parameters are supported by the compiled validators`);
        }
        if (parameter.in !== 'header') continue;
        // Header values are strings: a schema of another type would need coercion, which the compiled validators do not do.
        if (parameter.schema?.type !== 'string') throw new Error(`${id}: header ${parameter.name} must have a string schema`);
        const name = parameter.name.toLowerCase();
        properties[name] = { $ref: `${DOCUMENT_ID}${parameterAt}/schema` };
        if (parameter.required) required.push(name);
      }
      const headersId = `https://openapi.invalid/headers/${id}`;
      ajv.addSchema({ $id: headersId, type: 'object', properties, required }, headersId);
      const headers = exported(`${id}__headers`, headersId);

      let body: OperationValidators['body'];
      if (op.requestBody !== undefined) {
        const { value: requestBody, at: bodyAt } = resolveRef(spec, op.requestBody, `${at}/requestBody`);
        const mediaTypes = Object.keys(requestBody.content ?? {});
        if (mediaTypes.some((type) => type !== 'application/json')) throw new Error(`${id}: only application/json request bodies are supported`);
        const schemaAt = `${bodyAt}/content/application~1json/schema`;
        const name = exported(`${id}__body`, `${DOCUMENT_ID}${schemaAt}`);
        body = { mediaTypes, required: requestBody.required === true, name };
        // As express-openapi-validator does for a body's top-level discriminator: the value of its
        // property picks the one schema to check, so a refusal speaks of that schema's fields.
        const { value: schema } = resolveRef<{ $ref?: string; discriminator?: { propertyName: string; mapping?: Record<string, string> } }>(spec, { $ref: schemaAt }, schemaAt);
        if (schema.discriminator !== undefined) {
          if (schema.discriminator.mapping === undefined) throw new Error(`${id}: a body discriminator needs a mapping`);
          const options = Object.fromEntries(Object.entries(schema.discriminator.mapping).map(([value, ref]) => [value, exported(`${id}__body_${value}`, `${DOCUMENT_ID}${ref}`)]));
          body.discriminator = { property: schema.discriminator.propertyName, options };
        }
      }

      const responses: Record<string, string | null> = {};
      for (const [status, declared] of Object.entries(op.responses)) {
        const { value: response, at: responseAt } = resolveRef(spec, declared, `${at}/responses/${status}`);
        const content = response.content ?? {};
        if (Object.keys(content).length === 0) {
          responses[status] = null;
          continue;
        }
        if (!('application/json' in content)) throw new Error(`${id}: response ${status} must be application/json`);
        responses[status] = exported(`${id}__${status}`, `${DOCUMENT_ID}${responseAt}/content/application~1json/schema`);
      }
      operations[id] = { headers, body, responses };
    }
  }
  const standalone = standaloneCode(ajv, exports).replace(/^"use strict";/, '');
  const code = `// @ts-nocheck: Ajv's standalone code is plain JavaScript.
import { createRequire } from 'node:module';

// Ajv's standalone code loads its runtime helpers (ucs2length, equal) with require.
const require = createRequire(import.meta.url);
${NUMBER_FORMATS}
${standalone}
`;
  return { code, operations };
}
