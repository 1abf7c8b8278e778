// Clients in other languages, as `npm test` checks them: for each language whose toolchain this
// machine has, the platform document's client is generated (swagger-codegen, or hey-api for
// TypeScript), compiled, and drives the standard's main flow against the live reference platform.
// A language without its
// toolchain is skipped, and the skip says which and what to install (unless
// REQUIRE_CLIENT_TOOLCHAINS=1, as in CI, where that fails). Kept to the platform
// document to keep `npm test` short; `npm run test:clients` (CI) checks every document.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { type CheckResult, runClientChecks } from '../../scripts/clients/checks.ts';
import { PLATFORM_DOCUMENT } from '../../scripts/clients/documents.ts';
import { LANGUAGES } from '../../scripts/clients/languages.ts';

describe('7.1.1–7.2.7 the main flow through clients generated in other languages', () => {
  const out = mkdtempSync(join(tmpdir(), 'clients-test-'));
  let results: CheckResult[] = [];
  before(async () => {
    results = await runClientChecks({ ws: { root: fileURLToPath(new URL('../../', import.meta.url)), out }, languages: LANGUAGES, documents: [PLATFORM_DOCUMENT] });
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  for (const language of LANGUAGES) {
    test(`${language.title}: generate and compile the platform client, then login, bind, list, status, op, refused op (4031), logout`, (t) => {
      const mine = results.filter((r) => r.language === language.name);
      const skipped = mine.find((r) => r.outcome === 'skipped');
      if (skipped) return t.skip(`client tests skipped: ${skipped.detail}`);
      for (const r of mine) assert.equal(r.outcome, 'passed', `${language.title} ${r.check}: ${r.detail}`);
      assert.deepEqual(
        mine.map((r) => r.check),
        ['platform client', 'main flow'],
      );
    });
  }
});
