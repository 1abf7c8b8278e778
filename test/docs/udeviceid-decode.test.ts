// 6.4 UDeviceID, as the docs site's decoder page reads it: tables from the bundled platform spec,
// the same verdict as the UDeviceID schema's pattern, and a reason for every rejection.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { readApis } from '../../scripts/docs/apis.ts';
import { decodeUDeviceId } from '../../scripts/docs/udeviceid-decode.ts';
import { udeviceIdTables } from '../../scripts/docs/udeviceid-tables.ts';

const platform = readApis('.').find((api) => api.name === 'cheaa-platform');
if (!platform) throw new Error('redocly.yaml has no cheaa-platform api');
const tables = udeviceIdTables(platform);
const pattern = new RegExp(tables.pattern);

describe('UDeviceID decoder (docs site)', () => {
  test('reads the code tables from the spec', () => {
    assert.ok(tables.category.codes.some((c) => c.code === '02' && c.name === 'Laundry'));
    assert.equal(tables.subCategories['02']?.label, 'table 4');
    assert.equal(tables.subCategories['99'], undefined, 'category 99 has no sub-category table');
  });

  test("decodes the spec's example part by part", () => {
    for (const id of tables.examples) {
      const decoded = decodeUDeviceId(id, tables);
      assert.ok(decoded.ok, id);
      assert.deepEqual(
        decoded.parts.map((p) => p.value),
        [id.slice(0, 6), id.slice(6, 8), id.slice(8, 10), id.slice(10, 13), id.slice(13, 16), id.slice(16)],
      );
    }
    const laundry = decodeUDeviceId('00000601020020010007A88A184D', tables);
    assert.ok(laundry.ok);
    assert.match(laundry.parts[2]!.meaning, /laundry/);
    assert.match(laundry.parts[3]!.meaning, /drum washing machine/);
    assert.equal(laundry.parts[3]!.part, 'C: sub-category (table 4)');
  });

  test('takes any three digits as the sub-category of category 99', () => {
    const decoded = decodeUDeviceId('0000060199123000ABC', tables);
    assert.ok(decoded.ok);
    assert.match(decoded.parts[3]!.meaning, /no sub-category table/);
  });

  const malformed: [string, string, RegExp][] = [
    ['empty', '', /empty/],
    ['a leading space (errata E-02)', ' 00000601020020010007A88A184D', /Character 1 is a space/],
    ['a deviceID of the standard, not a UDeviceID', 'C89346112DD5', /manufacturer code \(characters 1–6\) must be 6 digits; found "C89346"/],
    ['a part A other than 01', '00000602020020010007A88A184D', /Part A .* must be 01.*found "02"/],
    ['an unknown category', '00000601070020010007A88A184D', /Part B, the category .* table 2 .*found "07"/],
    ['a reserved television code (errata E-17)', '000006010600300012345', /Part C, the sub-category .* table 8 for category 06 .*found "003"/],
    ['a short minor class', '0000060102002', /Part D, the minor class .* found nothing/],
    ['no serial', '0000060102002001', /Part E, the model and serial, is missing/],
    ['a serial too long', `0000060102002001${'A'.repeat(33)}`, /is 33 characters long; at most 32/],
    ['a non-ASCII letter', '00000601020020010007A88A184Ä', /Character 28 is "Ä"/],
  ];
  for (const [what, id, reason] of malformed) {
    test(`rejects ${what}, saying why`, () => {
      const decoded = decodeUDeviceId(id, tables);
      assert.equal(decoded.ok, false);
      assert.ok(!decoded.ok && reason.test(decoded.reason), !decoded.ok ? decoded.reason : '');
    });
  }

  test('agrees with the schema pattern and length limits on every id', () => {
    const chars = (alphabet: string, min: number, max: number) => fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));
    const digits = (n: number) => chars('0123456789', n, n);
    // Valid ids, built from the tables, ...
    const valid = fc.constantFrom(...tables.category.codes.map((c) => c.code)).chain((b) => {
      const sub = tables.subCategories[b];
      return fc
        .tuple(digits(6), sub ? fc.constantFrom(...sub.codes.map((c) => c.code)) : digits(3), digits(3), chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 1, 32))
        .map(([m, c, d, e]) => `${m}01${b}${c}${d}${e}`);
    });
    // ... the same with one character changed, inserted or removed (mostly invalid, sometimes not) ...
    const nearMiss = fc.tuple(valid, fc.nat(), fc.constantFrom('', ' ', '0', '1', '9', 'A', 'z', '-')).map(([id, at, ch]) => {
      const i = at % (id.length + 1);
      return at % 2 === 0 ? id.slice(0, i) + ch + id.slice(i + 1) : id.slice(0, i) + ch + id.slice(i);
    });
    // ... and anything.
    const id = fc.oneof(valid, nearMiss, fc.string({ maxLength: 50 }));
    fc.assert(
      fc.property(id, (candidate) => {
        const bySchema = pattern.test(candidate) && candidate.length >= tables.minLength && candidate.length <= tables.maxLength;
        assert.equal(decodeUDeviceId(candidate, tables).ok, bySchema, candidate);
      }),
      { numRuns: 3000 },
    );
  });
});
