// Decodes a UDeviceID (clause 6.4) part by part, for the decoder page of the docs site. It runs in
// the browser: the build transpiles this file alone to assets/udeviceid-decode.js, so it imports
// nothing at run time, and the code tables come in as data (scripts/docs/udeviceid-tables.ts).
//
// Layout, as the UDeviceID schema describes it: manufacturer code (6 digits) + A (2 digits, `01`)
// + B category (2) + C sub-category (3) + D minor class (3) + E model and serial (letters and
// digits, up to the schema's maxLength).
import type { CodeTable, UDeviceIdTables } from './udeviceid-tables.ts';

export interface DecodedPart {
  part: string;
  /** 1-based character positions, e.g. "9–10". */
  characters: string;
  value: string;
  meaning: string;
}

export type Decoded = { ok: true; parts: DecodedPart[] } | { ok: false; reason: string; parts: DecodedPart[] };

const PRODUCT_CODE_END = 16;

function describeChar(ch: string): string {
  if (ch === ' ') return 'a space';
  if (/\s/.test(ch)) return 'white space';
  return JSON.stringify(ch);
}

function found(value: string, width: number): string {
  if (value === '') return 'nothing: the id ends before it';
  return value.length < width ? `"${value}" before the id ends` : `"${value}"`;
}

const codeList = (table: CodeTable): string => table.codes.map((c) => c.code).join(', ');

export function decodeUDeviceId(input: string, tables: UDeviceIdTables): Decoded {
  const parts: DecodedPart[] = [];
  const fail = (reason: string): Decoded => ({ ok: false, reason, parts });
  const slice = (from: number, to: number) => input.slice(from - 1, to);
  const digits = (value: string, width: number) => value.length === width && /^[0-9]+$/.test(value);
  const serialMax = tables.maxLength - PRODUCT_CODE_END;

  if (input === '') return fail('The id is empty.');
  const bad = input.search(/[^0-9A-Za-z]/);
  if (bad >= 0) return fail(`Character ${bad + 1} is ${describeChar(input[bad]!)}: a UDeviceID holds only ASCII letters and digits.`);

  const manufacturer = slice(1, 6);
  if (!digits(manufacturer, 6)) return fail(`The manufacturer code (characters 1–6) must be 6 digits; found ${found(manufacturer, 6)}.`);
  parts.push({ part: 'Manufacturer code', characters: '1–6', value: manufacturer, meaning: 'Assigned to the manufacturer.' });

  const a = slice(7, 8);
  if (a !== '01') return fail(`Part A (characters 7–8) must be 01, household appliance; found ${found(a, 2)}.`);
  parts.push({ part: 'A: class', characters: '7–8', value: a, meaning: 'Household appliance.' });

  const b = slice(9, 10);
  const category = tables.category.codes.find((c) => c.code === b);
  if (!category) return fail(`Part B, the category (characters 9–10), must be a code of ${tables.category.label} (${codeList(tables.category)}); found ${found(b, 2)}.`);
  parts.push({ part: `B: category (${tables.category.label})`, characters: '9–10', value: b, meaning: category.meaning });

  const c = slice(11, 13);
  const subTable = tables.subCategories[b];
  if (subTable) {
    const sub = subTable.codes.find((s) => s.code === c);
    if (!sub) return fail(`Part C, the sub-category (characters 11–13), must be a code of ${subTable.label} for category ${b} (${codeList(subTable)}); found ${found(c, 3)}.`);
    parts.push({ part: `C: sub-category (${subTable.label})`, characters: '11–13', value: c, meaning: sub.meaning });
  } else {
    if (!digits(c, 3)) return fail(`Part C, the sub-category (characters 11–13), must be 3 digits; found ${found(c, 3)}.`);
    parts.push({ part: 'C: sub-category', characters: '11–13', value: c, meaning: `Category ${b} has no sub-category table: any three digits.` });
  }

  const d = slice(14, 16);
  if (!digits(d, 3)) return fail(`Part D, the minor class (characters 14–16), must be 3 digits, 000 when there is none; found ${found(d, 3)}.`);
  parts.push({ part: 'D: minor class', characters: '14–16', value: d, meaning: d === '000' ? 'None.' : 'From the device model document.' });

  const e = input.slice(PRODUCT_CODE_END);
  if (e === '') return fail(`Part E, the model and serial, is missing: 1–${serialMax} letters or digits must follow character ${PRODUCT_CODE_END}.`);
  if (e.length > serialMax) return fail(`Part E, the model and serial (from character ${PRODUCT_CODE_END + 1}), is ${e.length} characters long; at most ${serialMax}.`);
  parts.push({ part: 'E: model and serial', characters: `${PRODUCT_CODE_END + 1}–${input.length}`, value: e, meaning: 'Defined by the manufacturer.' });

  return { ok: true, parts };
}
