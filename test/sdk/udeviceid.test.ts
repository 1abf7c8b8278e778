// Clause 6.4 UDeviceID helpers against the spec: the tables and the pattern of the UDeviceID schema
// are read from the bundled document here too, independently of the SDK's own reading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatUDeviceID, isUDeviceID, parseUDeviceID, type UDeviceIDParts } from '../../src/sdk/index.ts';
import { platformDoc, schemaOf } from './support/bundled.ts';

const schema = (name: string) => schemaOf(platformDoc, name);
const udeviceid = schema('UDeviceID');
const parts = udeviceid['x-udeviceid-parts'] as { category: string; subCategory: Record<string, string> };
const codes = (name: string) => schema(name).enum as string[];
const description = (name: string, code: string) => (schema(name)['x-enum-descriptions'] as string[])[codes(name).indexOf(code)]!;

/** What the spec accepts: its pattern and its length limits. */
const specPattern = new RegExp(udeviceid.pattern as string);
const specAccepts = (s: string) => specPattern.test(s) && s.length >= (udeviceid.minLength as number) && s.length <= (udeviceid.maxLength as number);

const standardId = (udeviceid.examples as string[])[0]!;

const categoryCodes = codes(parts.category);
const tableOf = (category: string) => parts.subCategory[category];
const allSubCategoryCodes = [...new Set(Object.values(parts.subCategory).flatMap(codes))];

const digitString = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const alphanumeric = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');

/** Valid parts: a category of table 2 and a sub-category of its own table (any 3 digits where it has none). */
const validParts: fc.Arbitrary<UDeviceIDParts> = fc
  .constantFrom(...categoryCodes)
  .chain((category) =>
    fc.record({
      manufacturer: digitString(6),
      category: fc.constant({ code: category }),
      subCategory: (tableOf(category) ? fc.constantFrom(...codes(tableOf(category)!)) : digitString(3)).map((code) => ({ code })),
      minorClass: digitString(3),
      serial: fc.string({ unit: alphanumeric, minLength: 1, maxLength: 32 }),
    }),
  );

const codesOf = (p: UDeviceIDParts) => ({
  manufacturer: p.manufacturer,
  category: p.category.code,
  subCategory: p.subCategory.code,
  minorClass: p.minorClass,
  serial: p.serial,
});

// Characters that break an id in different ways: letters where digits belong, separators, space,
// a full-width digit and a non-ASCII letter that a Unicode-aware check might let through.
const oddCharacter = fc.constantFrom(...'0123456789aZ- _.:０é\t');

/** Valid ids with one edit: a character replaced, removed or inserted, or the end cut off or extended. */
const editedIds = fc.tuple(validParts.map(formatUDeviceID), fc.nat(), oddCharacter, fc.constantFrom('replace', 'remove', 'insert', 'truncate', 'append')).map(
  ([id, n, ch, edit]) => {
    const i = n % (id.length + 1);
    switch (edit) {
      case 'replace':
        return id.slice(0, i) + ch + id.slice(i + 1);
      case 'remove':
        return id.slice(0, i) + id.slice(i + 1);
      case 'insert':
        return id.slice(0, i) + ch + id.slice(i);
      case 'truncate':
        return id.slice(0, i);
      case 'append':
        return id + ch.repeat(1 + (n % 20));
    }
  },
);

/** Ids assembled from plausible parts of random widths: categories and sub-categories drawn from all tables at once. */
const assembledIds = fc
  .tuple(
    fc.oneof(digitString(6), digitString(5), digitString(7)),
    fc.constantFrom('01', '02', '00', '1'),
    fc.oneof(fc.constantFrom(...categoryCodes), digitString(2)),
    fc.oneof(fc.constantFrom(...allSubCategoryCodes), digitString(3)),
    fc.oneof(digitString(3), digitString(2)),
    // Lengths drawn evenly, so that the limits (0, 1, 32, 33) come up as often as any other.
    fc.integer({ min: 0, max: 34 }).chain((length) =>
      fc.string({ unit: fc.oneof({ weight: 9, arbitrary: alphanumeric }, { weight: 1, arbitrary: oddCharacter }), minLength: length, maxLength: length }),
    ),
  )
  .map((p) => p.join(''));

describe('6.4 UDeviceID', () => {
  it('6.4 the standard-based example of the UDeviceID schema decodes into its parts, named from tables 2 and 4', () => {
    const result = parseUDeviceID(standardId);
    assert.ok(result.ok, result.ok ? '' : result.reason);
    assert.deepEqual(codesOf(result.value), { manufacturer: '000006', category: '02', subCategory: '002', minorClass: '001', serial: '0007A88A184D' });
    assert.equal(result.value.category.name, '洗涤类 laundry');
    assert.equal(result.value.subCategory.name, '滚筒洗衣机 drum washing machine');
  });

  it('6.4 every category of table 2 and sub-category of tables 3–8 is named after its x-enum-descriptions', () => {
    for (const category of categoryCodes) {
      const subCategories = tableOf(category) ? codes(tableOf(category)!) : ['000'];
      for (const subCategory of subCategories) {
        const result = parseUDeviceID(`123456` + `01${category}${subCategory}000` + 'X1');
        assert.ok(result.ok, `${category}/${subCategory}: ${result.ok ? '' : result.reason}`);
        const categoryName = result.value.category.name;
        assert.ok(categoryName !== '' && description(parts.category, category).startsWith(categoryName), `${category}: ${categoryName}`);
        if (tableOf(category)) {
          assert.equal(result.value.subCategory.name, description(tableOf(category)!, subCategory));
        } else {
          assert.equal(result.value.subCategory.name, null, `category ${category} has no sub-category table`);
        }
      }
    }
  });

  it('6.4 parse(format(x)) = x for every valid x, and format(parse(s)) = s', () => {
    fc.assert(
      fc.property(validParts, (p) => {
        const id = formatUDeviceID(p);
        const parsed = parseUDeviceID(id);
        assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
        assert.deepEqual(codesOf(parsed.value), codesOf(p));
        const again = parseUDeviceID(formatUDeviceID(parsed.value));
        assert.deepEqual(again, parsed);
      }),
      { numRuns: 500 },
    );
  });

  it("6.4 parse accepts exactly the strings the UDeviceID schema's pattern and length limits accept", () => {
    const agrees = (s: string) => {
      const parsed = parseUDeviceID(s);
      assert.equal(parsed.ok, specAccepts(s), `${JSON.stringify(s)}: parse says ${parsed.ok ? 'valid' : parsed.reason}`);
      assert.equal(isUDeviceID(s), parsed.ok);
    };
    fc.assert(fc.property(validParts.map(formatUDeviceID), agrees), { numRuns: 300 });
    fc.assert(fc.property(editedIds, agrees), { numRuns: 3000 });
    fc.assert(fc.property(assembledIds, agrees), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: oddCharacter, maxLength: 50 }), agrees), { numRuns: 1000 });
  });

  it('6.4 every rejected id comes with a reason', () => {
    fc.assert(
      fc.property(fc.oneof(editedIds, assembledIds), (s) => {
        const parsed = parseUDeviceID(s);
        if (!parsed.ok) assert.match(parsed.reason, /must|missing|at most|holds/);
      }),
      { numRuns: 1000 },
    );
  });

  // Each case edits one part of the spec's example; the reason must name that part and what it expects.
  const cases: [string, string, RegExp][] = [
    ['a space before the id (as in the standard\'s " C89346112DD5")', ` ${standardId}`, /whitespace.*character 1/],
    ['letters in the manufacturer code', `ABC006${standardId.slice(6)}`, /manufacturer code \(characters 1–6\) must be 6 digits; got "ABC006"/],
    ['part A other than 01', `00000602${standardId.slice(8)}`, /part A \(characters 7–8\) must be 01.*got "02"/],
    ['a category missing from table 2', `0000060107${standardId.slice(10)}`, /part B.*table 2: 01 冷藏冷冻类 .*99 其他 other; got "07"/],
    ['a sub-category of another category (table 6 code 010 under laundry)', `0000060102010${standardId.slice(13)}`, /part C.*table 4 for category 02 洗涤类 laundry: 001 .*099 其他 other; got "010"/],
    ['a television code the standard lists without a name (reserved, ERRATA)', `0000060106003001X`, /part C.*table 8.*got "003"/],
    ['letters in the minor class', `0000060102002AB10007A88A184D`, /minor class, part D \(characters 14–16\), must be 3 digits.*got "AB1"/],
    ['an id cut inside the minor class', standardId.slice(0, 15), /part D.*got "00", where the id ends/],
    ['no serial', standardId.slice(0, 16), /serial, part E, is missing/],
    ['a serial of 33 characters', `${standardId.slice(0, 16)}${'A'.repeat(33)}`, /part E.*33 characters long; at most 32/],
    ['a hyphen in the serial', `${standardId}-1`, /part E, holds only letters and digits, but character 29 is "-"/],
    ['nothing at all', '', /manufacturer code.*got nothing: the id ends after character 0/],
  ];
  for (const [what, id, reason] of cases) {
    it(`6.4 ${what} is rejected with a reason naming the part`, () => {
      const parsed = parseUDeviceID(id);
      assert.equal(parsed.ok, false);
      assert.equal(specAccepts(id), false, 'the spec rejects it too');
      assert.match((parsed as { reason: string }).reason, reason);
    });
  }

  it('6.4 format refuses parts that do not make a UDeviceID, naming the part', () => {
    const good = { manufacturer: '000006', category: { code: '02' }, subCategory: { code: '002' }, minorClass: '001', serial: '0007A88A184D' };
    assert.equal(formatUDeviceID(good), standardId);
    assert.throws(() => formatUDeviceID({ ...good, manufacturer: '00006' }), { name: 'RangeError', message: /manufacturer must be 6 digits/ });
    // One digit short would shift the later parts into a different, valid id: it must not.
    assert.throws(() => formatUDeviceID({ ...good, category: { code: '2' }, subCategory: { code: '0020' } }), { name: 'RangeError', message: /category must be 2 digits/ });
    assert.throws(() => formatUDeviceID({ ...good, subCategory: { code: '010' } }), { name: 'RangeError', message: /table 4/ });
    assert.throws(() => formatUDeviceID({ ...good, serial: '' }), { name: 'RangeError', message: /part E, is missing/ });
  });
});
