// The OpenAPI documents the site documents: every entry of redocly.yaml `apis:`, read from its
// bundled JSON in generated/. Shared by the build and by the browser test, so both agree on
// which pages and operations exist.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  clause: string;
  /** The first tag: Redoc lists the operation under it. */
  tag: string | undefined;
}

export interface OpenApiDocument {
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
  [key: string]: unknown;
}

export interface Api {
  /** The key under `apis:`, e.g. `cheaa-platform`; also the reference page's name. */
  name: string;
  /** The bundled JSON, relative to the repository root. */
  output: string;
  spec: OpenApiDocument;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function readApis(root: string): Api[] {
  const config = parse(readFileSync(join(root, 'redocly.yaml'), 'utf8')) as { apis?: Record<string, { root: string; output?: string }> };
  return Object.entries(config.apis ?? {}).map(([name, entry]) => {
    if (!entry.output) throw new Error(`redocly.yaml: api ${name} has no output; the docs are built from the bundled JSON`);
    const file = join(root, entry.output);
    if (!existsSync(file)) throw new Error(`${entry.output} (api ${name}) does not exist: run \`npm run generate\` first`);
    return { name, output: entry.output, spec: JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument };
  });
}

/** Every operation of a document, in document order. Fails on one without the fields the docs show. */
export function operationsOf(api: Api): Operation[] {
  const list: Operation[] = [];
  for (const [path, item] of Object.entries(api.spec.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const { operationId, summary } = op;
      const clause = op['x-standard-clause'];
      if (typeof operationId !== 'string' || typeof summary !== 'string' || typeof clause !== 'string') {
        throw new Error(`${api.output}: ${method.toUpperCase()} ${path} needs operationId, summary and x-standard-clause`);
      }
      const tags = op.tags as string[] | undefined;
      list.push({ method, path, operationId, summary, clause, tag: tags?.[0] });
    }
  }
  return list;
}
