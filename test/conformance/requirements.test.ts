// The requirement coverage of the conformance kit: every check names requirements that exist,
// every requirement of clauses 6–7 is proved by a check or says why not, and conformance/README.md
// shows the table as it is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allChecks, coverageMarkers, coverageProblems, renderCoverageMarkdown } from '../../src/conformance/coverage.ts';
import { kitDirectory } from '../../src/conformance/files.ts';
import { requirements, type Requirement } from '../../src/conformance/requirements.ts';

describe('requirement coverage of the conformance kit', () => {
  it('every check names requirements that exist; every requirement has a check or the reason it has none', () => {
    assert.deepEqual(coverageProblems(allChecks()), []);
  });

  it('finds each kind of disagreement', () => {
    const list: Requirement[] = [
      { id: 'CHEAA-7.2.7-R1', clause: '7.2.7', source: 'Table 47', kind: 'field', text: 'PlatID' },
      { id: 'CHEAA-7.2.7-R2', clause: '7.2.7', source: 'Table 47', kind: 'field', text: 'UserID', notCovered: 'because' },
      { id: 'CHEAA-7.2.6-R3', clause: '7.2.7', source: 'Table 47', kind: 'field', text: 'Device' },
    ];
    assert.deepEqual(coverageProblems([{ id: 'op.a', proves: ['CHEAA-7.2.7-R2', 'CHEAA-7.2.7-R9'] }, { id: 'op.b', proves: [] }], list), [
      'CHEAA-7.2.6-R3 does not name its clause 7.2.7',
      'check op.a names CHEAA-7.2.7-R9, which is no requirement',
      'check op.b proves no requirement',
      'CHEAA-7.2.7-R1 has neither a check nor a reason why none proves it',
      'CHEAA-7.2.7-R2 is proved by op.a yet says it is not covered',
      'CHEAA-7.2.6-R3 has neither a check nor a reason why none proves it',
    ]);
  });

  it('covers every 必填 row of the request and reply tables of clause 7 (tables 17–51)', () => {
    const rows = requirements.filter((r) => r.kind === 'field' || r.kind === 'report').filter((r) => r.text.includes('必填'));
    const tables = new Set(rows.map((r) => Number(r.source.replace('Table ', ''))));
    // The parameter tables of each interface: request and reply.
    for (const table of [17, 18, 20, 21, 23, 24, 26, 27, 29, 30, 32, 33, 35, 36, 38, 39, 41, 42, 44, 45, 47, 48, 50, 51]) assert.ok(tables.has(table), `table ${table}`);
  });

  it('conformance/README.md shows the coverage table as it is (node --import tsx scripts/conformance-coverage.ts rewrites it)', () => {
    const readme = readFileSync(`${kitDirectory}README.md`, 'utf8');
    const section = readme.slice(readme.indexOf(coverageMarkers.start) + coverageMarkers.start.length, readme.indexOf(coverageMarkers.end)).trim();
    assert.equal(section, renderCoverageMarkdown());
  });
});
