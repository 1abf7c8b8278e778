// The bundled CHEAA documents as the SDK tests read them: schemas, and named examples as fixtures.
import { readFileSync } from 'node:fs';

export type JsonObject = { [key: string]: unknown };

function load(name: 'platform' | 'partner'): JsonObject {
  return JSON.parse(readFileSync(new URL(`../../../generated/cheaa-c2c/${name}.openapi.json`, import.meta.url), 'utf8')) as JsonObject;
}

export const platformDoc = load('platform');
export const partnerDoc = load('partner');

const components = (doc: JsonObject) => doc.components as { schemas: Record<string, JsonObject>; examples: Record<string, { value: unknown }> };

export const schemaOf = (doc: JsonObject, name: string): JsonObject => {
  const schema = components(doc).schemas[name];
  if (!schema) throw new Error(`no schema ${name}`);
  return schema;
};

/** The value of a named example of components/examples, e.g. `user_login.standard.response`. */
export function example<T = unknown>(doc: JsonObject, name: string): T {
  const found = components(doc).examples[name];
  if (!found) throw new Error(`no example ${name}`);
  return structuredClone(found.value) as T;
}
