// Clause 6.4 universal appliance identifier (UDeviceID): parse, format and validate. The layout is
// the one the UDeviceID schema describes; the category and sub-category tables (tables 2–8) are
// read from the bundled spec, never written here.
import type { components } from '../../generated/cheaa-c2c/platform.types.ts';
import { schemaNamed } from './platform-document.ts';

export type DeviceCategoryCode = components['schemas']['DeviceCategory'];

/** A decoded UDeviceID: manufacturer code + product code (parts A to E of clause 6.4). */
export interface UDeviceID {
  /** Manufacturer code: 6 digits. */
  manufacturer: string;
  /** Part B, table 2. */
  category: { code: DeviceCategoryCode; name: string };
  /** Part C, tables 3–8. `name` is null under a category the spec gives no sub-category table (99, other). */
  subCategory: { code: string; name: string | null };
  /** Part D: 3 digits, `000` when the device model names none. */
  minorClass: string;
  /** Part E: the manufacturer's own model and serial, 1–32 letters or digits. */
  serial: string;
}

/** What `formatUDeviceID` needs: a decoded UDeviceID, or just the codes of its parts. */
export interface UDeviceIDParts {
  manufacturer: string;
  category: { code: string };
  subCategory: { code: string };
  minorClass: string;
  serial: string;
}

export type UDeviceIDParseResult = { ok: true; value: UDeviceID } | { ok: false; reason: string };

interface CodeTable {
  /** How the standard refers to the table, for messages: "table 4". */
  label: string;
  names: ReadonlyMap<string, string>;
}

function codeTable(schemaName: unknown): CodeTable {
  const schema = schemaNamed(schemaName);
  const codes = schema.enum;
  const descriptions = schema['x-enum-descriptions'];
  const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === 'string');
  if (!strings(codes) || !strings(descriptions) || codes.length !== descriptions.length) {
    throw new Error(`platform.openapi.json: ${String(schema.title)} needs string enum and x-enum-descriptions of the same length`);
  }
  const table = /table \d+/.exec(String(schema.description))?.[0] ?? String(schema.title);
  // A description may end with a note in parentheses ("(sub-categories in table 3)"): not part of the name.
  return { label: table, names: new Map(codes.map((code, i) => [code, descriptions[i]!.replace(/\s*\([^)]*\)$/, '')])) };
}

// Names of the schemas holding table 2 (`category`) and tables 3–8 (`subCategory`, by category code).
const parts = schemaNamed('UDeviceID')['x-udeviceid-parts'] as { category?: unknown; subCategory?: Record<string, unknown> } | undefined;
if (!parts?.subCategory) throw new Error('platform.openapi.json: the UDeviceID schema has no x-udeviceid-parts');
const categories = codeTable(parts.category);
const subCategories = new Map(Object.entries(parts.subCategory).map(([category, name]) => [category, codeTable(name)]));

const digits = (width: number) => new RegExp(`^[0-9]{${width}}$`);
const SERIAL_MAX = 32;

/** A part as found, saying so when the id ended inside it. */
function quoted(part: string, width: number, input: string): string {
  if (part === '') return `nothing: the id ends after character ${input.length}`;
  return part.length < width ? `${JSON.stringify(part)}, where the id ends` : JSON.stringify(part);
}

function choices(table: CodeTable): string {
  return [...table.names].map(([code, name]) => `${code} ${name}`).join(', ');
}

/** Decodes a UDeviceID; on failure says which part is wrong and what it should be. */
export function parseUDeviceID(input: string): UDeviceIDParseResult {
  const fail = (reason: string) => ({ ok: false as const, reason });
  const space = input.search(/\s/);
  if (space >= 0) return fail(`a UDeviceID holds no whitespace, but character ${space + 1} is ${JSON.stringify(input[space])}: remove it`);

  const manufacturer = input.slice(0, 6);
  if (!digits(6).test(manufacturer)) return fail(`the manufacturer code (characters 1–6) must be 6 digits; got ${quoted(manufacturer, 6, input)}`);
  const a = input.slice(6, 8);
  if (a !== '01') return fail(`part A (characters 7–8) must be 01, household appliance; got ${quoted(a, 2, input)}`);
  const b = input.slice(8, 10);
  const categoryName = categories.names.get(b);
  if (categoryName === undefined) {
    return fail(`the category, part B (characters 9–10), must be a code of ${categories.label}: ${choices(categories)}; got ${quoted(b, 2, input)}`);
  }
  const c = input.slice(10, 13);
  const table = subCategories.get(b);
  const subCategoryName = table ? table.names.get(c) : null;
  if (table && subCategoryName === undefined) {
    return fail(`the sub-category, part C (characters 11–13), must be a code of ${table.label} for category ${b} ${categoryName}: ${choices(table)}; got ${quoted(c, 3, input)}`);
  }
  if (!table && !digits(3).test(c)) {
    return fail(`the sub-category, part C (characters 11–13), must be 3 digits (category ${b} has no table); got ${quoted(c, 3, input)}`);
  }
  const minorClass = input.slice(13, 16);
  if (!digits(3).test(minorClass)) return fail(`the minor class, part D (characters 14–16), must be 3 digits, 000 when there is none; got ${quoted(minorClass, 3, input)}`);
  const serial = input.slice(16);
  if (serial === '') return fail(`the serial, part E, is missing: 1–${SERIAL_MAX} letters or digits must follow the 16-character product code`);
  if (serial.length > SERIAL_MAX) return fail(`the serial, part E (from character 17), is ${serial.length} characters long; at most ${SERIAL_MAX}`);
  const bad = serial.search(/[^0-9A-Za-z]/);
  if (bad >= 0) return fail(`the serial, part E, holds only letters and digits, but character ${17 + bad} is ${JSON.stringify(serial[bad])}`);

  return {
    ok: true,
    value: {
      manufacturer,
      category: { code: b as DeviceCategoryCode, name: categoryName },
      subCategory: { code: c, name: subCategoryName ?? null },
      minorClass,
      serial,
    },
  };
}

/** Writes a UDeviceID from its parts; throws a RangeError naming the part that is wrong. */
export function formatUDeviceID(parts: UDeviceIDParts): string {
  // Fixed widths first: a part one digit short would shift the next ones and could still parse.
  const widths: [string, string, number][] = [
    ['manufacturer', parts.manufacturer, 6],
    ['category', parts.category.code, 2],
    ['subCategory', parts.subCategory.code, 3],
    ['minorClass', parts.minorClass, 3],
  ];
  for (const [name, value, width] of widths) {
    if (!digits(width).test(value)) throw new RangeError(`${name} must be ${width} digits; got ${JSON.stringify(value)}`);
  }
  const id = `${parts.manufacturer}01${parts.category.code}${parts.subCategory.code}${parts.minorClass}${parts.serial}`;
  const parsed = parseUDeviceID(id);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return id;
}

/** True when the string is a well-formed UDeviceID. */
export function isUDeviceID(input: string): boolean {
  return parseUDeviceID(input).ok;
}
