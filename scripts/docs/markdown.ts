// Markdown → HTML for the guide pages, with marked (pinned). Three additions to plain GFM:
// headings get ids to link to; links to another guide page's .md (as they work when the sources
// are read on a forge) become links to its .html; and a fenced block in the language `embed` is
// replaced by what the build generates for it (a diagram, a table from the spec, …).
import { Marked, type Tokens } from 'marked';
import { escapeHtml as esc } from './html.ts';
import { GUIDE_PAGES } from './nav.ts';

export interface RenderOptions {
  /** Returns the HTML of an embed block, whose text is `<kind> <arguments…>`; `ids` are the heading ids used so far. */
  embed?: (directive: string, ids: Map<string, number>) => string;
  /** Added to every heading level: an included document's `#` becomes `##` under the page's title. */
  headingShift?: number;
  /** Heading ids already used on the page, so an included document's headings get ids of their own. */
  ids?: Map<string, number>;
}

export interface RenderedMarkdown {
  html: string;
  /** The text of the first level-1 heading. */
  title: string | undefined;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

const guidePage = new RegExp(`^(${GUIDE_PAGES.join('|')})\\.md(#.*)?$`);

export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedMarkdown {
  const shift = options.headingShift ?? 0;
  const used = options.ids ?? new Map<string, number>();
  let title: string | undefined;
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth, text }: Tokens.Heading): string {
        const level = Math.min(6, depth + shift);
        const inner = this.parser.parseInline(tokens);
        if (level === 1 && title === undefined) title = text;
        const base = slug(inner) || 'section';
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        const id = n === 0 ? base : `${base}-${n}`;
        return `<h${level} id="${id}"><a class="anchor" href="#${id}" aria-hidden="true" tabindex="-1">#</a>${inner}</h${level}>\n`;
      },
      link({ href, title: linkTitle, tokens }: Tokens.Link): string {
        const target = href.replace(guidePage, (_m, page: string, hash: string | undefined) => `${page}.html${hash ?? ''}`);
        const t = linkTitle ? ` title="${esc(linkTitle)}"` : '';
        return `<a href="${esc(target)}"${t}>${this.parser.parseInline(tokens)}</a>`;
      },
      code({ text, lang }: Tokens.Code): string | false {
        if (lang !== 'embed') return false;
        if (!options.embed) throw new Error(`an embed block (${text}) where embeds are not allowed`);
        return options.embed(text.trim(), used);
      },
    },
  });
  try {
    return { html: marked.parse(source, { async: false }), title };
  } catch (error) {
    // marked appends a plea to report the error to marked itself; the error is ours (an embed).
    throw new Error((error as Error).message.replace(/\nPlease report this to https:\/\/github\.com\/markedjs\/marked\.$/, ''));
  }
}
