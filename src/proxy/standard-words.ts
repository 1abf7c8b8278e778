// The standard's words for a place in a message: which table of the standard describes the
// message and the field, and what the field is, read from the descriptions of the bundled document
// (each schema names its table, e.g. "Reply of 7.2.6 device status query (table 45)").
import { readFileSync } from 'node:fs';

type Node = Record<string, unknown>;

interface Document {
  paths: Record<string, Record<string, Node>>;
  components: Node;
}

const load = (name: string): Document => JSON.parse(readFileSync(new URL(`../../generated/cheaa-c2c/${name}.openapi.json`, import.meta.url), 'utf8')) as Document;
const documents = { platform: load('platform'), partner: load('partner') };

function resolve(doc: Document, node: unknown): Node | undefined {
  let current = node as Node | undefined;
  // References are local to the bundle (#/components/...); a short chain at most.
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops += 1) {
    const parts = current.$ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = parts.reduce<unknown>((at, part) => (at as Node | undefined)?.[part], doc) as Node | undefined;
  }
  return current;
}

/** The child schema of `schema` at one segment of a JSON pointer, through allOf/oneOf/anyOf. */
function child(doc: Document, schema: Node, segment: string): Node | undefined {
  const properties = schema.properties as Record<string, unknown> | undefined;
  if (properties && Object.hasOwn(properties, segment)) return resolve(doc, properties[segment]);
  if (/^\d+$/.test(segment) && schema.items) return resolve(doc, schema.items);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    for (const member of (schema[key] as unknown[] | undefined) ?? []) {
      const found = child(doc, resolve(doc, member) ?? {}, segment);
      if (found) return found;
    }
  }
  return undefined;
}

const tables = (text: unknown) => (typeof text === 'string' ? [...text.matchAll(/tables? (\d+(?:(?:, | and )\d+)*)/g)].map((m) => `table ${m[1]}`) : []);
const firstSentence = (text: unknown) => (typeof text === 'string' ? (text.replace(/\s+/g, ' ').trim().split(/(?<=\.) /)[0] ?? '') : '');

/**
 * "table 45, Device[0].DeviceAttr: <the field's description>" for the place `pointer` (an Ajv
 * instancePath, e.g. `/Device/0/DeviceAttr`) of the request (`status` undefined) or of the reply
 * with that HTTP status, of the operation at `path` in the platform or partner document.
 */
export function standardWords(which: 'platform' | 'partner', path: string, status: number | undefined, pointer: string): string {
  const doc = documents[which];
  const operation = doc.paths[path]?.post;
  if (!operation) return '';
  const carrier = status === undefined ? resolve(doc, operation.requestBody) : resolve(doc, (operation.responses as Node | undefined)?.[String(status)]);
  const content = (carrier?.content as Record<string, Node> | undefined)?.['application/json'];
  let schema = resolve(doc, content?.schema);
  if (!schema) return '';
  const message = tables(schema.description)[0] ?? '';
  const segments = pointer.split('/').filter(Boolean);
  let field: Node | undefined = schema;
  for (const segment of segments) {
    field = child(doc, field, segment);
    if (!field) break;
    schema = field;
  }
  const name = segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
  const fieldTable = segments.length > 0 ? tables(schema.description).find((t) => t !== message) : undefined;
  const where = [message, fieldTable].filter(Boolean).join(', ');
  const what = segments.length > 0 ? firstSentence(schema.description) : '';
  return `${where}${name ? `${where ? ', ' : ''}${name}` : ''}${what ? `: ${what}` : ''}`;
}
