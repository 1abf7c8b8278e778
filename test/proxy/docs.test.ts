// The docs page of the proxy lists every rule of the catalog with its clause, and its sequence
// diagram is one the docs site can draw.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSequence } from '../../scripts/docs/sequence-parse.ts';
import { rules } from '../../src/proxy/rules/catalog.ts';

const page = readFileSync('docs-site/pages/interop-watch.md', 'utf8');

test('the interop-watch page lists every rule with its clause, and no other', () => {
  const rows = [...page.matchAll(/^\| `([a-z-]+\.[a-z-]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2]!.trim()]);
  const catalog = Object.values(rules).map((r) => [r.id, r.clause === 'by operation' ? "the operation's" : r.clause]);
  assert.deepEqual(rows, catalog);
});

test('the interop-watch diagram parses', () => {
  assert.match(page, /diagram interop-watch/);
  const diagram = parseSequence(readFileSync('docs-site/diagrams/interop-watch.txt', 'utf8'));
  assert.equal(diagram.participants.length, 5);
});
