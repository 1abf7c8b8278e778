// From an operationId a reader finds its spec file in one step: every path of the two CHEAA
// documents is a $ref to paths/<operationId>.yaml, and that file's operation has that operationId
// (GB/T 43960 holds the same rule in gbt43960.examples.test.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

for (const document of ['platform', 'partner']) {
  describe(`openapi/cheaa-c2c/${document}.yaml`, () => {
    const root = parse(readFileSync(`openapi/cheaa-c2c/${document}.yaml`, 'utf8')) as { paths: Record<string, { $ref?: string }> };
    const paths = Object.entries(root.paths);
    it('describes operations', () => assert.ok(paths.length >= 2));
    for (const [path, item] of paths) {
      it(`${path} lives in paths/<its operationId>.yaml`, () => {
        assert.match(item.$ref ?? '', /^paths\/\w+\.yaml$/, `${path} is a $ref to a file of paths/`);
        const file = parse(readFileSync(`openapi/cheaa-c2c/${item.$ref}`, 'utf8')) as Record<string, { operationId?: string }>;
        const operations = Object.values(file).filter((o) => o && typeof o === 'object' && 'operationId' in o);
        assert.equal(operations.length, 1, `${item.$ref} holds one operation`);
        assert.equal(`paths/${operations[0]!.operationId}.yaml`, item.$ref);
      });
    }
  });
}
