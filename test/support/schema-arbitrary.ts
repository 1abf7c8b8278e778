// Values from the JSON Schemas of an OpenAPI document, for property-based tests: `arbitraryOf`
// draws values meant to satisfy a schema (a test keeps those its validator accepts), `mutate`
// breaks one thing in a value (a property removed, added or of another type, a string or array
// too long, a value out of its enum). The keywords covered are those the project's documents use.
import fc from 'fast-check';
import { deref, type Json, type JsonObject } from './spec.ts';

type Schema = JsonObject;

/** The schema with its $ref followed and allOf merged; keywords beside a $ref are kept. */
function flatten(doc: JsonObject, schema: Schema): Schema {
  let merged: Schema = { ...schema };
  if (typeof merged.$ref === 'string') {
    const { $ref: _ref, ...siblings } = merged;
    const target = flatten(doc, deref(doc, { $ref: _ref }) as Schema);
    merged = { ...target, ...siblings, required: [...((target.required as string[]) ?? []), ...((siblings.required as string[]) ?? [])] };
    if ((merged.required as string[]).length === 0) delete merged.required;
  }
  if (Array.isArray(merged.allOf)) {
    const parts = merged.allOf.map((part) => flatten(doc, part as Schema));
    delete merged.allOf;
    for (const part of parts) {
      merged = {
        ...part,
        ...merged,
        properties: { ...((part.properties as JsonObject) ?? {}), ...((merged.properties as JsonObject) ?? {}) },
        required: [...((part.required as string[]) ?? []), ...((merged.required as string[]) ?? [])],
      };
    }
  }
  return merged;
}

export function arbitraryOf(doc: JsonObject, schema: Schema, depth = 0): fc.Arbitrary<Json> {
  const s = flatten(doc, schema);
  if ('const' in s) return fc.constant(s.const as Json);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as Json[]));
  const alternatives = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (alternatives) {
    const { oneOf: _o, anyOf: _a, discriminator: _d, ...rest } = s;
    return fc.oneof(...alternatives.map((alt) => arbitraryOf(doc, { ...rest, ...flatten(doc, alt) }, depth + 1)));
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : [typeof s.type === 'string' ? s.type : s.properties ? 'object' : 'string'];
  return fc.oneof(...types.map((type) => ofType(doc, s, type, depth)));
}

function ofType(doc: JsonObject, s: Schema, type: string, depth: number): fc.Arbitrary<Json> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const int32 = s.format === 'int32';
      const min = (s.minimum as number | undefined) ?? (int32 ? -(2 ** 31) : -1e6);
      const max = (s.maximum as number | undefined) ?? (int32 ? 2 ** 31 - 1 : 1e6);
      return fc.integer({ min, max });
    }
    case 'number':
      return fc.double({ min: (s.minimum as number | undefined) ?? -1e6, max: (s.maximum as number | undefined) ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'string':
      return stringOf(s);
    case 'array': {
      const items = (s.items as Schema | undefined) ?? {};
      const minLength = (s.minItems as number | undefined) ?? 0;
      const maxLength = Math.min((s.maxItems as number | undefined) ?? minLength + 3, minLength + 3);
      return fc.array(arbitraryOf(doc, items, depth + 1), { minLength, maxLength });
    }
    default:
      return objectOf(doc, s, depth);
  }
}

function stringOf(s: Schema): fc.Arbitrary<Json> {
  const minLength = (s.minLength as number | undefined) ?? 0;
  const maxLength = (s.maxLength as number | undefined) ?? Math.max(minLength, 24);
  const fits = (v: string) => [...v].length >= minLength && [...v].length <= maxLength;
  if (s.format === 'ipv4') return fc.ipV4();
  if (s.format === 'ipv6') return fc.ipV6();
  if (s.format === 'uri') return fc.webUrl();
  if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 24), unit: 'grapheme-composite' }).filter(fits);
}

function objectOf(doc: JsonObject, s: Schema, depth: number): fc.Arbitrary<Json> {
  const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
  const required = new Set((s.required as string[] | undefined) ?? []);
  const record: Record<string, fc.Arbitrary<Json>> = {};
  // Deep optional properties are left out at times, so that values stay small.
  for (const [name, schema] of Object.entries(properties)) if (required.has(name) || depth < 6) record[name] = arbitraryOf(doc, schema, depth + 1);
  for (const name of required) record[name] ??= fc.string();
  const base = fc.record(record, { requiredKeys: [...required].filter((name) => name in record) }) as fc.Arbitrary<JsonObject>;
  const open = s.additionalProperties !== false && s.unevaluatedProperties !== false && Object.keys(properties).length === 0;
  const withExtras = open ? fc.tuple(base, fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 })).map(([b, extra]) => ({ ...extra, ...b })) : base;
  const minProperties = (s.minProperties as number | undefined) ?? 0;
  const maxProperties = (s.maxProperties as number | undefined) ?? Number.POSITIVE_INFINITY;
  return withExtras.filter((value) => Object.keys(value).length >= minProperties && Object.keys(value).length <= maxProperties);
}

/** Every place in a value: [] for the value itself, then each property and item, depth first. */
function places(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const found = [at];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...places(item, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) found.push(...places(item, [...at, key]));
  return found;
}

const get = (value: Json, at: (string | number)[]): Json => at.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, value);

/** One mutation of `value`, chosen by `seed`: it mostly makes the value invalid, but need not. */
export function mutate(value: Json, seed: number): Json {
  const copy = structuredClone(value);
  const all = places(copy);
  const at = all[seed % all.length]!;
  const kind = Math.floor(seed / all.length) % 6;
  const parent = at.length === 0 ? undefined : get(copy, at.slice(0, -1));
  const key = at.at(-1);
  const target = get(copy, at);
  const put = (replacement: Json) => {
    if (parent === undefined) return replacement;
    (parent as Record<string | number, Json>)[key!] = replacement;
    return copy;
  };
  switch (kind) {
    case 0:
      // Removed: a required property missing, or an array one item short.
      if (parent !== undefined && !Array.isArray(parent)) {
        delete (parent as JsonObject)[key as string];
        return copy;
      }
      return put(typeof target === 'string' ? 7 : 'x');
    case 1:
      // A property the schema does not define.
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
        target.Unexpected = 'x';
        return copy;
      }
      return put([target]);
    case 2:
      // Another type.
      return put(typeof target === 'string' ? 42 : typeof target === 'number' ? String(target) : typeof target === 'boolean' ? 'true' : null);
    case 3:
      // Too long, or out of its pattern.
      if (typeof target === 'string') return put(`${target}${'x'.repeat(600)}`);
      if (Array.isArray(target)) return put([...target, ...target, ...target, ...target, ...target, ...target, ...target, ...target, ...target, ...target, ...target]);
      return put(typeof target === 'number' ? target * 1e12 + 0.5 : {});
    case 4:
      // Empty.
      return put(typeof target === 'string' ? '' : Array.isArray(target) ? [] : typeof target === 'object' && target !== null ? {} : -1);
    default:
      // A character the patterns of ids exclude.
      return put(typeof target === 'string' ? `${target}!\u00e9 ` : typeof target === 'boolean' ? !target : target);
  }
}
