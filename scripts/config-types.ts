// The configuration's types, from its one source of truth, src/config.schema.json: the file as
// written (`PlatformConfigFile`: what has a default may be left out) and the values once validated
// (`ConfiguredValues`: every default applied, so those fields are always there).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

type Schema = JSONSchema & { properties?: Record<string, Schema>; items?: Schema; required?: string[] };

/** The schema with every property that has a default required: after validation it is set. */
function withDefaultsRequired(schema: Schema): Schema {
  const copy: Schema = { ...schema };
  if (schema.properties) {
    copy.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, withDefaultsRequired(property)]));
    const defaulted = Object.entries(schema.properties).filter(([, property]) => property.default !== undefined).map(([name]) => name);
    copy.required = [...new Set([...(schema.required ?? []), ...defaulted])];
  }
  if (schema.items && !Array.isArray(schema.items)) copy.items = withDefaultsRequired(schema.items);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') copy.additionalProperties = withDefaultsRequired(schema.additionalProperties as Schema);
  return copy;
}

export async function writeConfigTypes(root: string): Promise<string> {
  const schema = JSON.parse(readFileSync(join(root, 'src/config.schema.json'), 'utf8')) as Schema;
  const options = { bannerComment: '', additionalProperties: false, format: true, declareExternallyReferenced: false };
  const file = await compile({ ...schema, title: undefined }, 'PlatformConfigFile', options);
  const values = await compile({ ...withDefaultsRequired(schema), title: undefined }, 'ConfiguredValues', options);
  const output = join(root, 'generated/config.types.ts');
  writeFileSync(output, `// Generated from src/config.schema.json by \`npm run generate\` (scripts/config-types.ts). Do not edit.\n\n${file}\n${values}`);
  return output;
}
