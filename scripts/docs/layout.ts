// The shared page frame: a guide page gets the site navigation beside its content; an API
// reference page, which Redoc lays out over the whole window, gets a one-line bar above it.
// Links are relative so the site works wherever it is mounted (the platform serves it at /docs/).
import { escapeHtml as esc } from './html.ts';
import { type Nav, type NavEntry, allPages } from './nav.ts';

const SITE = 'cloud-interop';
const TAGLINE = 'CHEAA smart-appliance cloud-to-cloud interconnection and GB/T 43960-2024, as OpenAPI';

function link(entry: NavEntry, current: string, label = entry.title): string {
  const here = entry.href === current ? ' aria-current="page"' : '';
  return `<a href="${esc(entry.href)}"${here}>${esc(label)}</a>`;
}

function navList(nav: Nav, current: string): string {
  const list = (entries: NavEntry[]) => `<ul>${entries.map((e) => `<li>${link(e, current)}</li>`).join('')}</ul>`;
  return `<h2>Guide</h2>${list(nav.guide)}<h2>API reference</h2>${list(nav.reference)}`;
}

function prevNext(nav: Nav, current: string): string {
  const pages = allPages(nav);
  const i = pages.findIndex((p) => p.href === current);
  const prev = pages[i - 1];
  const next = pages[i + 1];
  return `<nav class="prev-next" aria-label="Previous and next page">${prev ? `<a rel="prev" href="${esc(prev.href)}">← ${esc(prev.title)}</a>` : '<span></span>'}${next ? `<a rel="next" href="${esc(next.href)}">${esc(next.title)} →</a>` : ''}</nav>`;
}

export interface GuidePage {
  title: string;
  /** The page's HTML, from its Markdown. */
  body: string;
  href: string;
}

export function guidePage(nav: Nav, page: GuidePage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)} — ${SITE}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/site.css">
</head>
<body class="guide">
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header"><a class="brand" href="index.html">${SITE}</a><span class="tagline">${esc(TAGLINE)}</span></header>
<div class="layout">
<nav class="site-nav" aria-label="Site">${navList(nav, page.href)}</nav>
<main id="content">
${page.body}
${prevNext(nav, page.href)}
</main>
</div>
</body>
</html>
`;
}

/** The bar above a reference page: home, the other reference pages, and every page behind a disclosure. */
export function referenceBar(nav: Nav, current: string): string {
  return `<header class="site-bar">
<a class="brand" href="index.html">${SITE}</a>
<nav aria-label="API reference">${nav.reference.map((e) => link(e, current, e.short)).join('')}</nav>
<details class="all-pages"><summary>All pages</summary><nav aria-label="Site">${navList(nav, current)}</nav></details>
</header>`;
}
