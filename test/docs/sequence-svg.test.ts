// The docs site's sequence-diagram language and its SVG renderer (scripts/docs/sequence-*.ts).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseSequence } from '../../scripts/docs/sequence-parse.ts';
import { renderSequenceSvg, sequenceSourceToSvg, textWidth } from '../../scripts/docs/sequence-svg.ts';

const source = `
title Login
%% a comment
participant A as A platform
participant B as B platform\\n(devices)
A->>B: 1. login
B->>B: 4. issue token
alt verified
  B-->>A: 5. RetCode 200
else refused
  B-->>A: RetCode 4032
  loop retry
    note over A,B: backoff
  end
end
note right of B: done
`;

describe('parseSequence', () => {
  test('reads participants, calls, replies, self-calls, notes and nested blocks', () => {
    const d = parseSequence(source);
    assert.equal(d.title, 'Login');
    assert.deepEqual(d.participants, [
      { id: 'A', label: ['A platform'] },
      { id: 'B', label: ['B platform', '(devices)'] },
    ]);
    assert.deepEqual(d.steps[0], { kind: 'message', from: 'A', to: 'B', style: 'call', text: ['1. login'] });
    assert.deepEqual(d.steps[1], { kind: 'message', from: 'B', to: 'B', style: 'call', text: ['4. issue token'] });
    const alt = d.steps[2];
    assert.ok(alt?.kind === 'block' && alt.type === 'alt');
    assert.deepEqual(
      alt.sections.map((s) => s.label),
      ['verified', 'refused'],
    );
    assert.deepEqual(alt.sections[0]!.steps, [{ kind: 'message', from: 'B', to: 'A', style: 'reply', text: ['5. RetCode 200'] }]);
    const loop = alt.sections[1]!.steps[1];
    assert.ok(loop?.kind === 'block' && loop.type === 'loop');
    assert.deepEqual(loop.sections[0]!.steps, [{ kind: 'note', placement: 'over', participants: ['A', 'B'], text: ['backoff'] }]);
    assert.deepEqual(d.steps[3], { kind: 'note', placement: 'right', participants: ['B'], text: ['done'] });
  });

  const errors: [string, string, RegExp][] = [
    ['an undeclared participant', 'participant A\nA->>C: hi', /line 2: unknown participant "C"/],
    ['a participant declared twice', 'participant A\nparticipant A', /line 2: participant "A" is declared twice/],
    ['an unclosed block', 'participant A\nloop forever\nA->>A: again', /line 2: "loop" is never closed/],
    ['else outside alt', 'participant A\nopt maybe\nelse no\nend', /line 3: "else" outside an "alt" block/],
    ['end without a block', 'participant A\nend', /line 2: "end" without an open block/],
    ['a note left of two participants', 'participant A\nparticipant B\nnote left of A,B: x', /line 3: a note left of takes one participant/],
    ['an unreadable line', 'participant A\nA -> A: single arrow', /line 2: cannot read/],
    ['no participants', 'title empty', /no participants/],
  ];
  for (const [what, text, message] of errors) {
    test(`rejects ${what} with its line number`, () => {
      assert.throws(() => parseSequence(text), message);
    });
  }
});

describe('renderSequenceSvg', () => {
  const d = parseSequence(source);
  const svg = renderSequenceSvg(d, 'login');

  test('is one SVG element with an accessible title and a text description of every step', () => {
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img" aria-labelledby="login-title login-desc"/);
    assert.equal(svg.match(/<svg\b/g)?.length, 1);
    assert.match(svg, /<\/svg>$/);
    assert.match(svg, /<title id="login-title">Login<\/title>/);
    assert.match(svg, /A platform → B platform \(devices\): 1\. login/);
    assert.match(svg, /else refused:/);
  });

  test('draws each participant at the top and at the bottom', () => {
    assert.equal(svg.match(/>A platform</g)?.length, 2);
    assert.equal(svg.match(/>\(devices\)</g)?.length, 2);
  });

  test('draws calls solid and replies dashed, each with an arrowhead', () => {
    const arrows = [...svg.matchAll(/<(line|path) [^>]*marker-end="url\(#login-arrow\)"[^>]*>/g)].map((m) => m[0]);
    assert.equal(arrows.length, 4);
    assert.equal(arrows.filter((a) => a.includes('stroke-dasharray')).length, 2);
  });

  test('leaves every label room between the lifelines it spans', () => {
    const wide = parseSequence('participant A\nparticipant B\nA->>B: ' + 'a very long label that must fit between the two lifelines '.repeat(2));
    const out = renderSequenceSvg(wide, 'wide');
    const [x1, x2] = [...out.matchAll(/<line x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)" y2="[\d.]+" stroke="#1f2937"/g)][0]!.slice(1).map(Number);
    const label = wide.steps[0]!.kind === 'message' ? wide.steps[0]!.text[0]! : '';
    assert.ok(Math.abs(x2! - x1!) >= textWidth(label), `lifelines ${Math.abs(x2! - x1!)} apart for a ${textWidth(label)} label`);
  });

  test('escapes text', () => {
    const out = sequenceSourceToSvg('participant A as <A & B>\nA->>A: x < y', 'esc');
    assert.match(out, /&lt;A &amp; B&gt;/);
    assert.match(out, /x &lt; y/);
    assert.doesNotMatch(out, /<A & B>/);
  });

  test('measures CJK characters wider than Latin ones', () => {
    assert.ok(textWidth('登录') > textWidth('ab'));
  });

  test('renders every diagram of the site', () => {
    const dir = 'docs-site/diagrams';
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length >= 2);
    for (const f of files) assert.match(sequenceSourceToSvg(readFileSync(`${dir}/${f}`, 'utf8'), f), /<\/svg>$/, f);
  });
});
