// Issue 6: the docs site, checked in a real browser. The site is built fresh into test-output/,
// served under /docs/ on loopback as the platform serves it, and every page is opened in Debian's
// Chromium: nothing may be requested from another origin (such requests are blocked and fail the
// test), the console must stay free of errors, every operation of every document must render with
// its clause, and the UDeviceID decoder must work. Screenshots of the reference pages are saved in
// test-output/docs/. Without Chromium it skips, saying why; with REQUIRE_CHROMIUM=1 (CI) that fails.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type Api, operationsOf, readApis } from '../../scripts/docs/apis.ts';
import { type SiteSummary, buildSite } from '../../scripts/docs/build.ts';
import { operationHref, referenceFile } from '../../scripts/docs/reference-page.ts';
import { resultCodeRows } from '../../scripts/docs/result-codes.ts';
import { serveDocs } from './static-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUT = 'test-output/docs';
const SITE = `${OUT}/site`;
// The flags this machine's Chromium needs: no sandbox as root, and no background connections to
// Google's services, which the closed network would refuse.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Without Chromium the test says so and skips, unless REQUIRE_CHROMIUM=1 (CI), where that is a failure.
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing, so the docs site was not checked in a browser (install it with: apt-get install -y chromium)`;
if (missing && process.env.REQUIRE_CHROMIUM === '1') test('docs site in headless Chromium (REQUIRE_CHROMIUM=1)', () => assert.fail(missing));
const skip = missing ? `SKIPPED: ${missing}` : false;
if (skip) console.warn(`docs site test ${skip}`);

interface Visit {
  page: Page;
  /** Requests to anything but this loopback server; each was blocked. */
  external: string[];
  /** Console errors, uncaught exceptions and failed responses. */
  errors: string[];
}

describe('docs site in headless Chromium, served under /docs/', { skip, timeout: 300_000 }, () => {
  let site: SiteSummary;
  let server: Awaited<ReturnType<typeof serveDocs>>;
  let browser: Browser;

  before(async () => {
    site = await buildSite(process.cwd(), SITE);
    server = await serveDocs(SITE);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    mkdirSync(OUT, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Opens a page and records what it requests. Reference pages render in the browser, so they wait
   * for the network to go quiet; the guide pages and the SVG files are complete at their load event.
   */
  async function open(path: string): Promise<Visit> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const visit: Visit = { page, external: [], errors: [] };
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === new URL(server.base).origin) return route.continue();
      visit.external.push(url.href);
      return route.abort('blockedbyclient');
    });
    page.on('console', (m) => m.type() === 'error' && visit.errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => visit.errors.push(`uncaught: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && visit.errors.push(`HTTP ${r.status()} ${r.url()}`));
    await page.goto(server.base + path, { waitUntil: path.startsWith('reference-') ? 'networkidle' : 'load' });
    return visit;
  }

  async function close(visit: Visit, what: string): Promise<void> {
    await visit.page.close();
    assert.deepEqual(visit.external, [], `${what} requested resources from another origin`);
    assert.deepEqual(visit.errors, [], `${what} had errors`);
  }

  const apis = (): Api[] => site.apis;
  const guidePages = () => site.pages.filter((p) => !p.startsWith('reference-'));

  test('every guide page loads from the site alone, without errors, and links to every page', async () => {
    assert.ok(guidePages().length >= 9);
    for (const href of guidePages()) {
      const visit = await open(href);
      const links = await visit.page.locator('.site-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, site.pages, `${href}: navigation`);
      assert.equal(await visit.page.locator('main h1').count(), 1, `${href}: one title`);
      await close(visit, href);
    }
  });

  // One test per document of redocly.yaml, so a new document is checked as soon as it is listed.
  for (const { name } of readApis(process.cwd())) {
    test(`reference page of ${name}: every operation renders with its clause`, async () => {
      const api = apis().find((a) => a.name === name)!;
      const visit = await open(referenceFile(api));
      const { page } = visit;
      await page.locator('[data-component-name="Menu/MenuItem"]').first().waitFor();
      await page.locator('h1', { hasText: api.spec.info.title }).first().waitFor();
      await page.screenshot({ path: `${OUT}/${api.name}.png` });
      const operations = operationsOf(api);
      assert.ok(operations.length > 0);
      for (const op of operations) {
        await page.goto(server.base + operationHref(api, op));
        // The heading shows the clause before the summary; the request line names the path.
        await page.locator('h1, h2', { hasText: `${op.clause} ${op.summary}` }).first().waitFor({ state: 'visible', timeout: 15_000 });
        assert.ok(await page.getByText(op.path, { exact: true }).count(), `${op.operationId}: ${op.path} is shown`);
      }
      await close(visit, referenceFile(api));
    });
  }

  test('the index lists every operation of every document, linked to its reference page', async () => {
    const visit = await open('index.html');
    const hrefs = await visit.page.locator('table.operations a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(
      hrefs,
      apis().flatMap((api) => operationsOf(api).map((op) => operationHref(api, op))),
    );
    await close(visit, 'index.html');
  });

  test('the RetCode table is the RetCode schema: every code with its name and HTTP status', async () => {
    const visit = await open('retcodes.html');
    const rows = await visit.page.locator('table.result-codes[data-api="cheaa-platform"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
    const platform = apis().find((a) => a.name === 'cheaa-platform')!;
    assert.deepEqual(
      rows,
      resultCodeRows(platform, 'RetCode').map((r) => [r.code, r.name, String(r.httpStatus)]),
    );
    await close(visit, 'retcodes.html');
  });

  test('the UDeviceID decoder explains a valid id and rejects a malformed one with the reason', async () => {
    const visit = await open('udeviceid.html');
    const { page } = visit;
    const input = page.locator('#udeviceid-input');
    const result = page.locator('#udeviceid-result');

    await input.fill('00000601020020010007A88A184D');
    await page.locator('#udeviceid-result.valid').waitFor();
    const parts = await result.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[2]?.textContent));
    assert.deepEqual(parts, ['000006', '01', '02', '002', '001', '0007A88A184D']);
    assert.match(await result.innerText(), /drum washing machine/);

    await input.fill('000006010600300012345');
    await page.locator('#udeviceid-result.invalid').waitFor();
    assert.match(await result.innerText(), /Not a valid UDeviceID\. Part C, the sub-category .* table 8 for category 06/);

    await page.locator('button[data-udeviceid="C89346112DD5"]').click();
    assert.match(await result.innerText(), /manufacturer code .* must be 6 digits/);
    await close(visit, 'udeviceid.html');
  });

  test('the sequence diagrams are SVG, inline in their pages and as files', async () => {
    for (const href of ['login-flow.html', 'report-delivery.html', 'scenarios.html']) {
      const visit = await open(href);
      assert.ok((await visit.page.locator('figure.diagram svg').count()) >= 1, `${href} shows a diagram`);
      await close(visit, href);
    }
    const files = readdirSync(`${SITE}/diagrams`);
    assert.ok(files.length >= 4);
    for (const file of files) {
      const visit = await open(`diagrams/${file}`);
      assert.equal(await visit.page.locator(':root').evaluate((root) => root.localName), 'svg', `${file} parses as SVG`);
      await close(visit, file);
    }
  });
});
