// A bundled document must be self-contained: every `$ref` a local JSON pointer that resolves.
// Redoc renders an unresolved reference as an empty schema instead of failing, so the build checks.
import type { Api } from './apis.ts';

function resolve(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Throws listing every `$ref` that is not a resolvable `#/…` pointer. `x-` extensions are data, not schema, and are skipped. */
export function assertRefsResolve(api: Api): void {
  const broken: string[] = [];
  const visit = (node: unknown, at: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${at}/${i}`));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('x-')) continue;
        if (key === '$ref') {
          if (typeof value !== 'string' || !value.startsWith('#/') || resolve(api.spec, value) === undefined) broken.push(`${at}: ${String(value)}`);
        } else visit(value, `${at}/${key}`);
      }
    }
  };
  visit(api.spec, '#');
  if (broken.length > 0) throw new Error(`${api.output}: unresolved $ref\n  ${broken.join('\n  ')}`);
}
