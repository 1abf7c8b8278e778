// The published SDK speaks the wire contract through the generated types: a vendor who installs it
// for its client gets none of the platform's HTTP layer, domain, store or delivery with it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const SERVER = ['src/http/', 'src/domain/', 'src/store/', 'src/delivery/', 'src/handlers/', 'src/platform.ts', 'src/config.ts'];
const IMPORT = /(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g;

/** Every module `entry` reaches through relative imports, type-only ones included, with who imports it. */
function reachable(entry: string): Map<string, string> {
  const seen = new Map<string, string>([[entry, '(entry)']]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[1] ?? match[2]!);
      if (seen.has(target)) continue;
      seen.set(target, file);
      queue.push(target);
    }
  }
  return seen;
}

test('the SDK imports nothing of the server', () => {
  const modules = reachable(resolve(root, 'src/sdk/index.ts'));
  const server = [...modules]
    .map(([file, importer]) => [relative(root, file), relative(root, importer)] as const)
    .filter(([file]) => SERVER.some((prefix) => file.startsWith(prefix)))
    .map(([file, importer]) => `${file} (imported by ${importer})`);
  assert.deepEqual(server, []);
  // The walk itself reached the SDK's modules and the generated contract.
  assert.ok([...modules.keys()].some((file) => relative(root, file) === 'src/sdk/partner-kit.ts'));
  assert.ok([...modules.keys()].some((file) => relative(root, file).startsWith('generated/cheaa-c2c/')));
});

test('the client entry loads no Express: it reaches neither the partner kit nor a module that imports express at run time', () => {
  const modules = [...reachable(resolve(root, 'src/sdk/client.ts')).keys()];
  assert.ok(!modules.some((file) => relative(root, file) === 'src/sdk/partner-kit.ts'), 'the partner kit is an Express router');
  // A type-only import is erased from the build; any other loads Express.
  const RUNTIME_EXPRESS = /^(?:import|export)\s+(?!type\s)[^;]*?from\s+'express'|import\('express'\)/m;
  const loading = modules.filter((file) => RUNTIME_EXPRESS.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
  assert.deepEqual(loading, []);
  assert.ok(modules.some((file) => relative(root, file) === 'src/sdk/platform-client.ts'));
  // The same check finds Express behind the main entry, through the partner kit.
  assert.ok([...reachable(resolve(root, 'src/sdk/index.ts')).keys()].some((file) => RUNTIME_EXPRESS.test(readFileSync(file, 'utf8'))));
});
