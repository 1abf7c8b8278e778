// Redoc's browser bundle, served by the site itself instead of Redocly's CDN (the site must work
// offline and load nothing from another origin). It is the file @redocly/cli ships and renders
// its pages against, byte-identical to redoc@3.0.1's bundles/redoc.standalone.js on npm, with one
// change: the sidebar footer's "API docs by Redocly" image is fetched from cdn.redoc.ly on every
// page view, and no Redoc option turns it off, so its two URLs point at a local image instead.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REDOC_SCRIPT = 'assets/redoc.standalone.js';
const CREDIT_IMAGE = 'assets/redoc-credit.svg';
const LOGO_URLS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];

/** Writes the script and its image into `outDir`; returns the script's SRI value. */
export function installRedocScript(root: string, outDir: string): string {
  let script = readFileSync(join(root, 'node_modules/@redocly/cli/lib/chunks/redoc.standalone.js'), 'utf8');
  for (const url of LOGO_URLS) {
    const count = script.split(`\`${url}\``).length - 1;
    // A new Redoc release may move or drop the logo: fail instead of silently loading from the CDN.
    if (count !== 1) throw new Error(`redoc.standalone.js: expected the footer logo URL ${url} once, found it ${count} times`);
    // The URL is resolved against the page, and every page sits at the root of the site.
    script = script.replace(`\`${url}\``, `\`${CREDIT_IMAGE}\``);
  }
  writeFileSync(join(outDir, REDOC_SCRIPT), script);
  copyFileSync(join(root, 'docs-site', CREDIT_IMAGE), join(outDir, CREDIT_IMAGE));
  return `sha384-${createHash('sha384').update(script).digest('base64')}`;
}
