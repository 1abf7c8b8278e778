// The README's RetCode table is the spec's RetCode schema, row for row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { retCodeDescriptions, retCodeHttpStatus, RetCodes } from '../generated/cheaa-c2c/platform.retcodes.ts';

it('README lists every RetCode of the spec with its name, HTTP status and meaning', () => {
  const readme = readFileSync('README.md', 'utf8');
  const rows = [...readme.matchAll(/^\| `(\d+)` \| (\w+) \| (\d+) \| (.*) \|$/gm)].map((m) => [m[1], m[2], Number(m[3]), m[4]!.replace(/\\\|/g, '|')]);
  const spec = Object.entries(RetCodes).map(([name, code]) => [code, name, retCodeHttpStatus[code], retCodeDescriptions[code]]);
  assert.deepEqual(rows, spec);
});
