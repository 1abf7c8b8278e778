// The bundled OpenAPI documents of redocly.yaml, and Ajv validators over their schemas, for tests.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

// ajv-formats is CommonJS: from ESM its plugin function is the module's `default` property.
const addFormats = addFormatsModule.default;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface BundledApi {
  name: string;
  root: string;
  output: string;
  doc: JsonObject;
}

export function bundledApis(): BundledApi[] {
  const config = parse(readFileSync('redocly.yaml', 'utf8')) as { apis: Record<string, { root: string; output: string }> };
  return Object.entries(config.apis).map(([name, { root, output }]) => ({
    name,
    root,
    output,
    doc: JSON.parse(readFileSync(output, 'utf8')) as JsonObject,
  }));
}

/** Follows a local `$ref` (`#/components/...`) inside the document. */
export function deref(doc: JsonObject, node: Json | undefined): Json | undefined {
  let current = node;
  while (current && typeof current === 'object' && !Array.isArray(current) && typeof current.$ref === 'string') {
    const ref: string = current.$ref;
    current = ref
      .replace(/^#\//, '')
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<Json | undefined>((at, key) => (at && typeof at === 'object' && !Array.isArray(at) ? at[key] : undefined), doc);
  }
  return current;
}

export function pointer(...parts: string[]): string {
  return `#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** An Ajv 2020 instance holding the whole document, so schemas compile from JSON pointers into it. */
export function schemaValidator(api: BundledApi) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(api.doc, api.name);
  return (schemaPointer: string) => ajv.compile({ $ref: `${api.name}${schemaPointer}` });
}

export interface Operation {
  path: string;
  method: string;
  operationId: string;
  op: JsonObject;
}

export function operations(doc: JsonObject): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as JsonObject)) {
    for (const [method, op] of Object.entries(item as JsonObject)) {
      if (op && typeof op === 'object' && !Array.isArray(op) && typeof op.operationId === 'string') {
        result.push({ path, method, operationId: op.operationId, op });
      }
    }
  }
  return result;
}
