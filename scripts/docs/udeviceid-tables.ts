// The UDeviceID code tables (clause 6.4, tables 2–8) as the decoder page needs them, read from the
// bundled platform document: the UDeviceID schema names its table schemas in `x-udeviceid-parts`
// (openapi/EXTENSIONS.md), and each table is an enum with `x-enum-varnames` and
// `x-enum-descriptions`. Nothing here is written by hand.
import type { Api } from './apis.ts';

export interface Code {
  code: string;
  name: string;
  meaning: string;
}

export interface CodeTable {
  /** The schema holding the table, e.g. `LaundrySubCategory`. */
  schema: string;
  /** How the standard refers to it: "table 4". */
  label: string;
  description: string;
  codes: Code[];
}

export interface UDeviceIdTables {
  pattern: string;
  minLength: number;
  maxLength: number;
  examples: string[];
  category: CodeTable;
  /** By category code; a category without a table (99, other) takes any three digits. */
  subCategories: Record<string, CodeTable>;
}

type Schema = Record<string, unknown>;

function strings(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`${what} must be a list of strings`);
  return value;
}

function codeTable(schemas: Record<string, Schema>, name: unknown, where: string): CodeTable {
  const schema = typeof name === 'string' ? schemas[name] : undefined;
  if (!schema) throw new Error(`${where}: ${JSON.stringify(name)} names no schema of components/schemas`);
  const codes = strings(schema.enum, `${name}.enum`);
  const names = strings(schema['x-enum-varnames'], `${name}.x-enum-varnames`);
  const meanings = strings(schema['x-enum-descriptions'], `${name}.x-enum-descriptions`);
  if (names.length !== codes.length || meanings.length !== codes.length) throw new Error(`${name}: enum, x-enum-varnames and x-enum-descriptions differ in length`);
  const description = String(schema.description ?? '');
  return {
    schema: name as string,
    label: /table \d+/.exec(description)?.[0] ?? (name as string),
    description,
    codes: codes.map((code, i) => ({ code, name: names[i]!, meaning: meanings[i]! })),
  };
}

export function udeviceIdTables(api: Api): UDeviceIdTables {
  const schemas = (api.spec.components?.schemas ?? {}) as Record<string, Schema>;
  const where = `${api.output}#/components/schemas/UDeviceID`;
  const udeviceId = schemas.UDeviceID;
  if (!udeviceId) throw new Error(`${where} does not exist`);
  const parts = udeviceId['x-udeviceid-parts'] as { category?: unknown; subCategory?: Record<string, unknown> } | undefined;
  if (!parts?.subCategory) throw new Error(`${where} has no x-udeviceid-parts`);
  const { pattern, minLength, maxLength } = udeviceId;
  if (typeof pattern !== 'string' || typeof minLength !== 'number' || typeof maxLength !== 'number') throw new Error(`${where} needs pattern, minLength and maxLength`);
  return {
    pattern,
    minLength,
    maxLength,
    examples: strings(udeviceId.examples ?? [], `${where}.examples`),
    category: codeTable(schemas, parts.category, `${where}/x-udeviceid-parts/category`),
    subCategories: Object.fromEntries(Object.entries(parts.subCategory).map(([code, name]) => [code, codeTable(schemas, name, `${where}/x-udeviceid-parts/subCategory/${code}`)])),
  };
}
