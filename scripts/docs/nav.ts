// The site's pages in reading order: the hand-written guide pages of docs-site/pages/, then one
// API reference page per document of redocly.yaml.

/** Guide pages by file name (docs-site/pages/<name>.md → <name>.html), in reading order. */
export const GUIDE_PAGES = [
  'index',
  'getting-started',
  'scenarios',
  'login-flow',
  'report-delivery',
  'udeviceid',
  'retcodes',
  'errata',
  'regenerate-client',
  'performance',
  'operating',
  'interop-watch',
] as const;

export interface NavEntry {
  href: string;
  title: string;
  /** A label for tight spaces; a reference page's is its api name in redocly.yaml. */
  short?: string;
}

export interface Nav {
  guide: NavEntry[];
  reference: NavEntry[];
}

/** Every page in reading order. */
export const allPages = (nav: Nav): NavEntry[] => [...nav.guide, ...nav.reference];
