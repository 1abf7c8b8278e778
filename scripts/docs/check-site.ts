// Checks the built site before anyone opens it: every resource a page or SVG loads is a relative
// URL to a file of the site (offline, and correct under any mount point such as /docs/), and
// every relative link leads to a page that exists, and no id is used twice on a page (an anchor
// would lead to the first). Links to other sites are allowed; they are navigation, not something
// a page loads.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

export function checkSite(outDir: string): void {
  const problems: string[] = [];
  for (const file of filesUnder(outDir).filter((f) => /\.(html|svg)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    const name = relative(outDir, file);
    const ids = [...text.matchAll(/<[^>]*\sid="([^"]+)"/g)].map((m) => m[1]!);
    for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`${name}: id "${id}" is used more than once`);
    for (const tag of text.matchAll(/<([a-zA-Z][\w-]*)\b[^>]*>/g)) {
      const element = tag[1]!.toLowerCase();
      for (const attr of tag[0].matchAll(/\s(?:src|href|xlink:href|poster|data)="([^"]*)"/g)) {
        const url = attr[1]!;
        if (url.startsWith('#') || url.startsWith('data:') || url.startsWith('mailto:')) continue;
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
          if (element !== 'a') problems.push(`${name}: <${element}> loads ${url} from another origin`);
          continue;
        }
        if (url.startsWith('/')) {
          problems.push(`${name}: ${url} is absolute; the site must work under any path prefix`);
          continue;
        }
        const target = resolve(dirname(file), url.replace(/[?#].*$/, ''));
        if (!target.startsWith(resolve(outDir)) || !existsSync(target)) problems.push(`${name}: <${element}> refers to ${url}, which is not in the site`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`the built site has broken or external references:\n  ${problems.join('\n  ')}`);
}
