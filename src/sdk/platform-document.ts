// The bundled platform document, read once, for the SDK parts that take their tables from the spec.
// Read as JSON, not through generated/*.middleware.ts, so that decoding a UDeviceID does not load
// the request validator.
import { readFileSync } from 'node:fs';

/** The parts of a JSON Schema the SDK reads; everything else of the document is left untyped. */
export interface SchemaNode {
  enum?: unknown[];
  'x-enum-descriptions'?: unknown[];
  [keyword: string]: unknown;
}

interface PlatformDocument {
  paths: Record<string, Record<string, { operationId?: string; security?: Record<string, unknown>[] }>>;
  components: { schemas: Record<string, SchemaNode> };
}

export const platformDocument: PlatformDocument = JSON.parse(
  readFileSync(new URL('../../generated/cheaa-c2c/platform.openapi.json', import.meta.url), 'utf8'),
);

/** A schema of components/schemas by name, as `x-` extensions refer to them (openapi/EXTENSIONS.md). */
export function schemaNamed(name: unknown): SchemaNode {
  const schema = typeof name === 'string' ? platformDocument.components.schemas[name] : undefined;
  if (!schema) throw new Error(`platform.openapi.json: ${JSON.stringify(name)} names no schema of components/schemas`);
  return schema;
}
