// The docs build refuses what would give a broken site: an unresolved $ref in a bundle, a page
// that loads something from another origin or links to a page that does not exist, and Redoc
// output it does not recognise (so a new Redoc cannot silently bring the CDN back).
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Api } from '../../scripts/docs/apis.ts';
import { checkSite } from '../../scripts/docs/check-site.ts';
import { visibleSpaces } from '../../scripts/docs/embeds.ts';
import { documentPages, offlineRedocHtml, withClauseInSummaries, withDocumentLinks } from '../../scripts/docs/reference-page.ts';
import { assertRefsResolve } from '../../scripts/docs/refs.ts';

const api = (spec: object): Api => ({ name: 'test', output: 'generated/test.openapi.json', spec: spec as Api['spec'] });

describe('docs build checks', () => {
  test('a bundle whose $refs all resolve passes; a dangling or external one fails, naming it', () => {
    const schemas = { A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } }, B: { type: 'string' } };
    assertRefsResolve(api({ info: {}, paths: {}, components: { schemas } }));
    assert.throws(
      () => assertRefsResolve(api({ info: {}, paths: {}, components: { schemas: { ...schemas, C: { $ref: '#/components/schemas/Missing' } } } })),
      /unresolved \$ref\n {2}#\/components\/schemas\/C: #\/components\/schemas\/Missing/,
    );
    assert.throws(() => assertRefsResolve(api({ info: {}, paths: {}, components: { schemas: { C: { $ref: './C.yaml' } } } })), /\.\/C\.yaml/);
  });

  test('links ERRATA.md, NOTES.md and EXTENSIONS.md in descriptions to the page that shows them, leaving links and other text alone', () => {
    const spec = {
      info: { description: 'Decisions in ERRATA.md; every `x-` extension in EXTENSIONS.md.', title: 'ERRATA.md' },
      paths: { '/x': { post: { description: 'Inferred (NOTES.md I-12), see also [ERRATA.md](elsewhere) and ../EXTENSIONS.md.' } } },
    };
    const copy = withDocumentLinks(spec);
    assert.equal(copy.info.description, `Decisions in [ERRATA.md](${documentPages['ERRATA.md']}); every \`x-\` extension in [EXTENSIONS.md](${documentPages['EXTENSIONS.md']}).`);
    assert.equal(copy.paths['/x'].post.description, `Inferred ([NOTES.md](${documentPages['NOTES.md']}) I-12), see also [ERRATA.md](elsewhere) and [EXTENSIONS.md](${documentPages['EXTENSIONS.md']}).`);
    assert.equal(copy.info.title, 'ERRATA.md', 'only descriptions');
    assert.equal(spec.info.description, 'Decisions in ERRATA.md; every `x-` extension in EXTENSIONS.md.', 'the bundle itself is unchanged');
  });

  test('the UDeviceID decoder draws a space as a marker, not a glyph a font may lack', () => {
    assert.equal(visibleSpaces(' C8<9'), '<span class="space" role="img" aria-label="space"></span>C8&lt;9');
    assert.doesNotMatch(visibleSpaces(' 0000060102002001C89346112DD5'), /␠/);
  });

  test('puts each operation clause before its summary, in a copy', () => {
    const spec = { info: {}, paths: { '/x': { post: { operationId: 'x', summary: 'Device operation (设备操作)', 'x-standard-clause': '7.2.7' } } } };
    const copy = withClauseInSummaries(spec as unknown as Api['spec']);
    assert.equal((copy.paths['/x']!.post as { summary: string }).summary, '7.2.7 Device operation (设备操作)');
    assert.equal(spec.paths['/x'].post.summary, 'Device operation (设备操作)');
  });

  describe('checkSite', () => {
    const site = (files: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'docs-check-'));
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      return dir;
    };
    const check = (files: Record<string, string>) => {
      const dir = site(files);
      try {
        checkSite(dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };

    test('accepts relative links and resources, and links to other sites', () => {
      check({
        'index.html': '<link rel="stylesheet" href="assets/site.css"><a href="other.html#x">o</a><a href="https://example.org/">e</a><a href="#top">t</a><img src="data:,">',
        'other.html': '<script type="module" src="assets/a.js"></script>',
        'assets/site.css': '',
        'assets/a.js': '',
      });
    });

    const broken: [string, string, RegExp][] = [
      ['a script from another origin', '<script src="https://cdn.example/x.js"></script>', /<script> loads https:\/\/cdn\.example\/x\.js from another origin/],
      ['a stylesheet from another origin', '<link rel="stylesheet" href="//fonts.example/css">', /<link> loads \/\/fonts\.example\/css/],
      ['an absolute path, which breaks under /docs/', '<a href="/index.html">home</a>', /\/index\.html is absolute/],
      ['a link to a missing page', '<a href="nowhere.html">x</a>', /<a> refers to nowhere\.html, which is not in the site/],
      ['a path out of the site', '<img src="../secret.png">', /refers to \.\.\/secret\.png/],
      ['an id used twice', '<h2 id="notes">a</h2><h3 id="notes">b</h3>', /id "notes" is used more than once/],
    ];
    for (const [what, html, message] of broken) {
      test(`rejects ${what}`, () => {
        assert.throws(() => check({ 'index.html': html }), message);
      });
    }
  });

  describe('offlineRedocHtml', () => {
    const cdn = 'https://cdn.redocly.com/redoc/v3.0.1/bundles/redoc.standalone.js';
    const built = `<head><link rel="modulepreload" href="${cdn}" integrity="sha384-abc+/=" crossorigin="anonymous" /></head>
<body><!-- site-bar -->
      <div id="redoc"><div class="prerendered"><a href="/user-management">x</a></div></div>
      <script type="module">
      import { hydrate } from "${cdn}";
      </script></body>`;

    test('loads Redoc from the site with its own SRI, drops the prerendered markup and adds the bar', () => {
      const out = offlineRedocHtml(built, 'sha384-LOCAL', '<header>bar</header>');
      assert.doesNotMatch(out, /cdn\.redocly\.com/);
      assert.match(out, /href="\.\/assets\/redoc\.standalone\.js" integrity="sha384-LOCAL"/);
      assert.match(out, /import \{ hydrate \} from "\.\/assets\/redoc\.standalone\.js"/);
      assert.match(out, /<div id="redoc"><\/div>\n<script type="module">/);
      assert.doesNotMatch(out, /user-management/);
      assert.match(out, /<header>bar<\/header>/);
    });

    test('fails on output it does not recognise', () => {
      assert.throws(() => offlineRedocHtml(built.replace(cdn, 'https://cdn.redocly.com/redoc/v9/other.js'), 'sha384-x', ''), /expected the Redoc script URL twice/);
      assert.throws(() => offlineRedocHtml(built.replace('<!-- site-bar -->', ''), 'sha384-x', ''), /site-bar/);
      assert.throws(() => offlineRedocHtml(`${built}<img src="https://cdn.redoc.ly/logo.svg">`, 'sha384-x', ''), /loads a resource by absolute URL/);
    });
  });
});
