// Writes, beside each bundled OpenAPI 3.1 document of redocly.yaml, its OpenAPI 3.0.3 rendering
// (`platform.openapi.json` → `platform.openapi-3.0.json`) for the generators that read only 3.0,
// swagger-codegen among them. Run by `npm run generate` after scripts/generate.ts and drift-checked
// with the rest of generated/. What the conversion loses is listed in
// docs-site/pages/regenerate-client.md; each run prints what it changed in each document.
//
// @apiture/openapi-down-convert does most of the work. It leaves behind a few things 3.0 cannot
// say (a mutualTLS scheme, `info.summary`, type lists of more than one type, dependentSchemas and
// if/then/else, falsy `const`), so those are handled here first, and the result is checked for
// anything of 3.1 that is left: a document a 3.0 tool half-reads is worse than a failed build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Converter } from '@apiture/openapi-down-convert';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `generated/cheaa-c2c/platform.openapi.json` → `generated/cheaa-c2c/platform.openapi-3.0.json`. */
export const openApi30Path = (bundle: string): string => bundle.replace(/\.json$/, '-3.0.json');

/** What one conversion changed, counted by kind, for the log. */
export type Changes = Map<string, number>;

const count = (changes: Changes, what: string) => changes.set(what, (changes.get(what) ?? 0) + 1);

// Keywords whose value is one schema, a list of schemas or a map of schemas: the walk below visits
// schemas through these only, so property *names* and example *values* are never mistaken for
// keywords (a property may well be called `if` or `const`).
const SUBSCHEMA = ['items', 'not', 'additionalProperties', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'if', 'then', 'else'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs'];

/** Calls `visit` on every schema of the document (components, parameters, headers, media types). */
function eachSchema(doc: JsonObject, visit: (schema: JsonObject, where: string) => void): void {
  const walkSchema = (schema: Json | undefined, where: string): void => {
    if (!isObject(schema)) return;
    visit(schema, where);
    for (const key of SUBSCHEMA) walkSchema(schema[key], `${where}/${key}`);
    for (const key of SUBSCHEMA_LISTS) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((s, i) => walkSchema(s, `${where}/${key}/${i}`));
    }
    for (const key of SUBSCHEMA_MAPS) {
      const map = schema[key];
      if (isObject(map)) for (const [name, s] of Object.entries(map)) walkSchema(s, `${where}/${key}/${name}`);
    }
  };
  // Outside schemas, a schema is the value of a `schema` key (parameter, header, media type) or an
  // entry of components.schemas; example values are skipped.
  const walk = (node: Json | undefined, where: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples' || key === 'value') continue;
      if (key === 'schema') walkSchema(value, `${where}/schema`);
      else if (key === 'schemas' && where === '#/components' && isObject(value)) {
        for (const [name, s] of Object.entries(value)) walkSchema(s, `${where}/schemas/${name}`);
      } else walk(value, `${where}/${key}`);
    }
  };
  walk(doc, '#');
}

/** Every security requirement list of the document: the global one and each operation's. */
function securityLists(doc: JsonObject): { owner: JsonObject; list: Json[] }[] {
  const lists: { owner: JsonObject; list: Json[] }[] = [];
  if (Array.isArray(doc.security)) lists.push({ owner: doc, list: doc.security });
  for (const item of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) if (isObject(op) && Array.isArray(op.security)) lists.push({ owner: op, list: op.security });
  }
  return lists;
}

/** Every parameter object of the document: components.parameters and those written in place. */
function parameters(doc: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  const components = isObject(doc.components) && isObject(doc.components.parameters) ? doc.components.parameters : {};
  for (const p of Object.values(components)) if (isObject(p) && !('$ref' in p)) found.push(p);
  for (const item of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    const lists = [item.parameters, ...Object.values(item).map((op) => (isObject(op) ? op.parameters : undefined))];
    for (const list of lists) if (Array.isArray(list)) for (const p of list) if (isObject(p) && !('$ref' in p)) found.push(p);
  }
  return found;
}

/** The properties of the schema a local `$ref` names, its own and those of its allOf parts. */
function propertiesOf(doc: JsonObject, ref: string): JsonObject {
  const schema = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json | undefined>((at, key) => (isObject(at) ? at[key] : undefined), doc);
  if (!isObject(schema)) return {};
  const parts = Array.isArray(schema.allOf) ? schema.allOf : [];
  return Object.assign(
    {},
    ...parts.map((part) => (isObject(part) && typeof part.$ref === 'string' ? propertiesOf(doc, part.$ref) : isObject(part) && isObject(part.properties) ? part.properties : {})),
    isObject(schema.properties) ? schema.properties : {},
  ) as JsonObject;
}

/** What the Converter does not do, done on a copy before it runs. */
function prepare(source: JsonObject, changes: Changes): JsonObject {
  const doc = structuredClone(source);
  const info = doc.info as JsonObject;
  if ('summary' in info) {
    delete info.summary;
    count(changes, 'info.summary removed (3.0 has none)');
  }

  // 3.0 has no mutualTLS scheme. The requirement lists keep their meaning for the HTTP part: each
  // alternative loses the certificate, and alternatives that became equal are kept once.
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const mtls = Object.keys(schemes).filter((name) => isObject(schemes[name]) && (schemes[name] as JsonObject).type === 'mutualTLS');
  for (const name of mtls) {
    delete schemes[name];
    count(changes, `mutualTLS security scheme ${name} removed`);
  }
  if (mtls.length) {
    for (const { owner, list } of securityLists(doc)) {
      const seen = new Set<string>();
      const kept = list.filter((req) => {
        if (!isObject(req)) return true;
        for (const name of mtls) delete req[name];
        const key = JSON.stringify(Object.keys(req).sort());
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      owner.security = kept;
    }
    if (isObject(doc.components) && Object.keys(schemes).length === 0) delete doc.components.securitySchemes;
    // Without mutual TLS, a parameter required "without mTLS" (PlatID) is simply required; said so,
    // generators make it an argument of every call instead of an option a caller can forget.
    for (const parameter of parameters(doc)) {
      if (parameter['x-required-without-mtls'] === true && parameter.required !== true) {
        parameter.required = true;
        count(changes, `parameter ${String(parameter.name)} (x-required-without-mtls) → required`);
      }
    }
    info.description = `${typeof info.description === 'string' ? `${info.description.trimEnd()}\n\n` : ''}Mutual TLS between the clouds (the \`${mtls.join('`, `')}\` scheme of the OpenAPI 3.1 document) cannot be described in OpenAPI 3.0 and is left out here: configure the client certificate in the HTTP library of the generated client.\n`;
  }

  eachSchema(doc, (schema) => {
    // The Converter skips a falsy const (`if (schema['const'])`): turn every const into an enum here.
    if ('const' in schema) {
      schema.enum = [schema.const as Json];
      delete schema.const;
      count(changes, 'const → one-value enum');
    }
    // The Converter only handles [T, 'null']. Several types cannot be said in 3.0 short of a oneOf
    // that generators render badly, so the schema accepts any value, as a free-form value.
    if (Array.isArray(schema.type) && schema.type.filter((t) => t !== 'null').length > 1) {
      delete schema.type;
      count(changes, 'type list of several types → any value');
    }
    // `allOf: [{$ref: X}, {required: [p], properties: {p: …}}]` restates p only so that TypeScript
    // generators see it required. swagger-codegen's Java declares such a property a second time in
    // the subclass of X, under the same JSON name, which Jackson refuses; `required` alone says it.
    if (Array.isArray(schema.allOf)) {
      const inherited = new Set(schema.allOf.flatMap((part) => (isObject(part) && typeof part.$ref === 'string' ? Object.keys(propertiesOf(doc, part.$ref)) : [])));
      for (const part of schema.allOf) {
        if (!isObject(part) || !isObject(part.properties)) continue;
        for (const name of Object.keys(part.properties)) {
          if (!inherited.has(name)) continue;
          delete part.properties[name];
          count(changes, 'allOf restatement of an inherited property removed');
        }
        if (Object.keys(part.properties).length === 0) delete part.properties;
      }
    }
    for (const keyword of ['dependentSchemas', 'dependentRequired', 'if', 'then', 'else']) {
      if (keyword in schema) {
        delete schema[keyword];
        count(changes, `${keyword} removed`);
      }
    }
    if (Array.isArray(schema.examples)) count(changes, 'schema examples → example (the first)');
    if (Array.isArray(schema.type) && schema.type.includes('null')) count(changes, "type [T, 'null'] → nullable");
    for (const keyword of ['propertyNames', 'unevaluatedProperties', 'patternProperties']) {
      if (keyword in schema) count(changes, `${keyword} removed`);
    }
  });
  return doc;
}

// What must not survive into a 3.0 document, with the schema keyword or the place it was found.
const ONLY_31 = ['const', 'propertyNames', 'dependentSchemas', 'dependentRequired', 'unevaluatedProperties', 'unevaluatedItems', 'prefixItems', 'if', 'then', 'else', '$defs', '$schema', '$id', 'contentMediaType', 'contentEncoding', 'patternProperties'];

/** Everything of 3.1 left in a converted document; empty when it is plain 3.0. */
export function leftovers(doc: JsonObject): string[] {
  const found: string[] = [];
  if (doc.openapi !== '3.0.3') found.push(`#/openapi is ${JSON.stringify(doc.openapi)}`);
  for (const key of ['webhooks', 'jsonSchemaDialect']) if (key in doc) found.push(`#/${key}`);
  if (isObject(doc.info) && 'summary' in doc.info) found.push('#/info/summary');
  if (isObject(doc.info) && isObject(doc.info.license) && 'identifier' in doc.info.license) found.push('#/info/license/identifier');
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const [name, scheme] of Object.entries(schemes)) if (isObject(scheme) && scheme.type === 'mutualTLS') found.push(`#/components/securitySchemes/${name}`);
  eachSchema(doc, (schema, where) => {
    for (const keyword of ONLY_31) if (keyword in schema) found.push(`${where}/${keyword}`);
    if (Array.isArray(schema.type)) found.push(`${where}/type`);
    if ('examples' in schema) found.push(`${where}/examples`);
    if (typeof schema.exclusiveMinimum === 'number' || typeof schema.exclusiveMaximum === 'number') found.push(`${where}/exclusiveMinimum|Maximum`);
    if (typeof schema.$ref === 'string' && Object.keys(schema).length > 1) found.push(`${where} ($ref with siblings)`);
  });
  return found;
}

/** The OpenAPI 3.0.3 rendering of a bundled 3.1 document, and what was changed to get it. */
export function toOpenApi30(bundle: JsonObject, bundlePath: string): { doc: JsonObject; changes: Changes } {
  const changes: Changes = new Map();
  const prepared = prepare(bundle, changes);
  // allOfTransform stays off: the sources hold no $ref siblings (test/spec/generator-neutral.test.ts),
  // and a sibling that slipped in must fail the build (leftovers) rather than become an anonymous
  // composed model that generators render instead of the named one.
  const doc = new Converter(prepared, { allOfTransform: false }).convert() as JsonObject;
  const info = doc.info as JsonObject;
  info.description = `${typeof info.description === 'string' ? `${info.description.trimEnd()}\n\n` : ''}This is the OpenAPI 3.0.3 rendering of \`${bundlePath}\`, written by \`npm run generate\` (scripts/down-convert.ts) for code generators that do not read OpenAPI 3.1. Where it and the 3.1 document differ, the 3.1 document is right.\n`;
  const left = leftovers(doc);
  if (left.length) throw new Error(`${bundlePath}: the 3.0.3 rendering still has what 3.0 lacks:\n  ${left.join('\n  ')}`);
  return { doc, changes };
}

function bundles(): string[] {
  const config = parse(readFileSync(join(root, 'redocly.yaml'), 'utf8')) as { apis: Record<string, { output: string }> };
  return Object.values(config.apis).map((api) => api.output);
}

/**
 * Validates the written documents against the OpenAPI 3.0 structure with Redocly (already used to
 * bundle): only the structural rules, as the project's own rules are for the 3.1 sources.
 */
function assertValid30(files: string[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'down-convert-'));
  try {
    const config = join(dir, 'redocly.yaml');
    writeFileSync(config, 'extends: []\nrules:\n  struct: error\n  no-unresolved-refs: error\n');
    execFileSync(join(root, 'node_modules', '.bin', 'redocly'), ['lint', '--config', config, '--format=codeframe', ...files], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`the OpenAPI 3.0.3 renderings are not valid OpenAPI 3.0:\n${stdout ?? ''}${stderr ?? ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written: string[] = [];
  for (const bundle of bundles()) {
    const { doc, changes } = toOpenApi30(JSON.parse(readFileSync(join(root, bundle), 'utf8')) as JsonObject, bundle);
    const target = openApi30Path(bundle);
    writeFileSync(join(root, target), `${JSON.stringify(doc, null, 2)}\n`);
    written.push(target);
    const summary = [...changes].map(([what, n]) => (n > 1 ? `${what} ×${n}` : what)).join('; ');
    console.log(`${target}: ${summary || 'nothing to change'}`);
  }
  assertValid30(written);
}
