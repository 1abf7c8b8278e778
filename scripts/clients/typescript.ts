// TypeScript clients: @hey-api/openapi-ts (pinned in package.json) with its fetch client, a second
// generator family beside swagger-codegen. It reads the OpenAPI 3.1 bundles, not the 3.0.3
// renderings, and names a type per operation (<Operation>Data, <Operation>Response, …): a schema
// whose name meets one of those is renamed with a numeric suffix, which the check refuses, as it
// would break every vendor's code at the next rename. "Compiling" is tsc under `strict`.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientDocument } from './documents.ts';
import { run } from './exec.ts';
import { clientDir, type OwnGeneratorLanguage, type Workspace } from './language.ts';

const bin = (ws: Workspace, name: string) => join(ws.root, 'node_modules', '.bin', name);

const countFiles = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1), 0);

/** Exported names that are another exported name plus digits: the generator's way out of a clash. */
export function suffixedNames(types: string): string[] {
  const names = new Set([...types.matchAll(/^export (?:type|interface|const|enum) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!));
  return [...names].filter((name) => {
    const base = /^(.*\D)\d+$/.exec(name)?.[1];
    return base !== undefined && names.has(base);
  });
}

/** A strict tsconfig over the client (and the flow, when given) in the client's folder. */
function writeTsconfig(ws: Workspace, dir: string, files: string[]): string {
  const path = join(dir, 'tsconfig.json');
  const config = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022', 'DOM'],
      // The flow reads process.env; the folder may be outside the repository (tests use a temporary one).
      typeRoots: [join(ws.root, 'node_modules', '@types')],
      types: ['node'],
    },
    include: files,
  };
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

export const typescript: OwnGeneratorLanguage = {
  name: 'typescript',
  title: 'TypeScript (hey-api)',

  missing() {
    // npm ci installs both; a checkout without node_modules cannot run the other checks either.
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const absent = ['openapi-ts', 'tsc'].filter((name) => !existsSync(bin({ root, out: '' }, name)));
    return absent.length ? `${absent.join(', ')} not in node_modules/.bin (npm ci)` : undefined;
  },

  async generateClient(ws: Workspace, doc: ClientDocument) {
    const dir = clientDir(ws, 'typescript', doc);
    rmSync(dir, { recursive: true, force: true });
    const out = join(dir, 'client');
    await run(bin(ws, 'openapi-ts'), ['-i', join(ws.root, doc.bundle), '-o', out, '-c', '@hey-api/client-fetch'], { cwd: ws.root });
    for (const file of ['sdk.gen.ts', 'types.gen.ts', 'client.gen.ts', 'client/index.ts']) {
      if (!existsSync(join(out, file))) throw new Error(`@hey-api/openapi-ts wrote no ${file} for ${doc.bundle}`);
    }
    // The client and the flow are ES modules (the flow awaits at top level); outside this
    // repository (tests generate into a temporary folder) nothing else would say so.
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n`);
    const suffixed = suffixedNames(readFileSync(join(out, 'types.gen.ts'), 'utf8'));
    if (suffixed.length) throw new Error(`${doc.bundle}: schema names that clash with per-operation names came out suffixed: ${suffixed.join(', ')}`);
    return countFiles(out);
  },

  async compile(ws: Workspace, doc: ClientDocument) {
    const dir = clientDir(ws, 'typescript', doc);
    await run(bin(ws, 'tsc'), ['-p', writeTsconfig(ws, dir, ['client/**/*.ts'])], { cwd: ws.root });
    return undefined;
  },

  async runFlow(ws: Workspace, doc: ClientDocument, env: Record<string, string>) {
    const dir = clientDir(ws, 'typescript', doc);
    copyFileSync(join(ws.root, 'clients/typescript/flow.ts'), join(dir, 'flow.ts'));
    await run(bin(ws, 'tsc'), ['-p', writeTsconfig(ws, dir, ['client/**/*.ts', 'flow.ts'])], { cwd: ws.root });
    return run(process.execPath, ['--import', 'tsx', join(dir, 'flow.ts')], { cwd: ws.root, env: { ...process.env, ...env }, timeoutMs: 60_000 });
  },
};
