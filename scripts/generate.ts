// Generates everything in generated/ from the OpenAPI documents listed in redocly.yaml:
// the bundled spec, its TypeScript types, a typed client, the compiled validators with the
// validating middleware over them (and over express-openapi-validator, as an option), and the
// operationId → handler wiring. Run with `npm run generate`; CI fails when the output drifts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeConfigTypes } from './config-types.ts';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { compileValidators, resolveRef } from './compile-validators.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const redoclyBin = join(root, 'node_modules', '.bin', 'redocly');

interface ApiEntry {
  name: string;
  root: string;
  output: string;
}

interface Operation {
  operationId: string;
  'x-standard-clause': string;
  summary: string;
  parameters?: { name: string; in: string; required?: boolean; 'x-required-without-mtls'?: boolean; $ref?: string }[];
  security?: Record<string, string[]>[];
}

interface SecurityScheme {
  type: string;
  name?: string;
  in?: string;
}

type Spec = {
  paths: Record<string, Record<string, Operation>>;
  servers?: { url: string; variables?: Record<string, { default: string; enum?: string[] }> }[];
  components?: {
    parameters?: Record<string, Operation['parameters'] extends (infer P)[] | undefined ? P : never>;
    schemas?: Record<string, unknown>;
    securitySchemes?: Record<string, SecurityScheme>;
  };
  security?: Record<string, string[]>[];
};

function apis(): ApiEntry[] {
  const config = parse(readFileSync(join(root, 'redocly.yaml'), 'utf8')) as { apis: Record<string, { root: string; output: string }> };
  return Object.entries(config.apis).map(([name, api]) => ({ name, ...api }));
}

/** `generated/cheaa-c2c/platform.openapi.json` → `platform`; `generated/gbt43960/openapi.json` → `gbt43960`. */
function modulePrefix(output: string): string {
  const file = basename(output, '.json');
  return file === 'openapi' ? basename(dirname(output)) : file.replace(/\.openapi$/, '');
}

function pascal(name: string): string {
  return name.replace(/(^|[-_])([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());
}

function header(api: ApiEntry, comment = '//'): string {
  return `${comment} Generated from ${api.root} by \`npm run generate\` (scripts/generate.ts). Do not edit.\n`;
}

function operations(spec: Spec): (Operation & { path: string; method: string })[] {
  const list: (Operation & { path: string; method: string })[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op === 'object' && op && 'operationId' in op) list.push({ ...op, path, method });
    }
  }
  return list;
}

/** The path part of every server URL, each variable in the path taken at every value it may have. */
function basePaths(spec: Spec): string[] {
  const paths = new Set<string>();
  for (const server of spec.servers ?? [{ url: '/' }]) {
    const path = server.url.replace(/^[^/]*\/\/[^/]*/, '');
    let expanded = [path];
    for (const [name, variable] of Object.entries(server.variables ?? {})) {
      expanded = expanded.flatMap((p) => (variable.enum ?? [variable.default]).map((value) => p.replaceAll(`{${name}}`, value)));
    }
    for (const p of expanded) paths.add(p.replace(/\/$/, ''));
  }
  return [...paths];
}

/** What a request lacks when it fails a security scheme, for the refusal's message. */
function describeScheme(scheme: SecurityScheme): string {
  if (scheme.type === 'apiKey') return `${scheme.name} ${scheme.in}`;
  if (scheme.type === 'mutualTLS') return 'a client certificate (mutual TLS)';
  return `${scheme.type} credentials`;
}

function bundle(): void {
  execFileSync(redoclyBin, ['bundle'], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
}

async function generate(api: ApiEntry): Promise<string[]> {
  const outputPath = join(root, api.output);
  const outDir = dirname(outputPath);
  mkdirSync(outDir, { recursive: true });
  const spec = JSON.parse(readFileSync(outputPath, 'utf8')) as Spec;
  // Re-serialise so the bundle's formatting never depends on the bundler's.
  writeFileSync(outputPath, `${JSON.stringify(spec, null, 2)}\n`);

  const prefix = modulePrefix(api.output);
  const Name = pascal(api.name);
  const specFile = basename(api.output);
  const written = [api.output];
  const write = (file: string, text: string) => {
    writeFileSync(join(outDir, file), text);
    written.push(relative(root, join(outDir, file)));
  };

  const ast = await openapiTS(new URL(`file://${outputPath}`), { emptyObjectsUnknown: true, silent: true });
  write(`${prefix}.types.ts`, header(api) + astToString(ast));

  const ops = operations(spec);
  const meta = ops.map((op) => {
    const params = (op.parameters ?? []).map((p) => resolveRef(spec, p, op.operationId).value);
    const requiredWithoutMtls = params.filter((p) => p['x-required-without-mtls']).map((p) => p.name);
    const security = op.security ?? spec.security ?? [];
    const tokenRequired = security.length > 0 && security.every((req) => 'AccessToken' in req);
    return { op, requiredWithoutMtls, tokenRequired, bodyToken: (op as { 'x-body-token'?: string })['x-body-token'] };
  });

  write(
    `${prefix}.client.ts`,
    `${header(api)}import createClient, { type ClientOptions, type MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from './${prefix}.types.ts';

export type ${Name}Paths = paths;

/** A typed client of ${api.root}: one function per operationId, over openapi-fetch. */
export function create${Name}Client(options: ClientOptions = {}) {
  const client = createClient<paths>(options);
  return {
    /** The underlying openapi-fetch client, for middleware. */
    client,
${ops
  .map(
    (op) => `    /** ${op.summary}, clause ${op['x-standard-clause']}: POST ${op.path} */
    ${op.operationId}: (init: MaybeOptionalInit<paths['${op.path}'], '${op.method}'>) =>
      client.${op.method.toUpperCase()}('${op.path}', init),`,
  )
  .join('\n')}
  };
}

export type ${Name}Client = ReturnType<typeof create${Name}Client>;
`,
  );

  write(
    `${prefix}.handlers.ts`,
    `${header(api)}import type { Request, RequestHandler } from 'express';
import type { operations } from './${prefix}.types.ts';

export const ${camel(Name)}OperationIds = [${ops.map((op) => `'${op.operationId}'`).join(', ')}] as const;
export type ${Name}OperationId = (typeof ${camel(Name)}OperationIds)[number];

/** What the spec says of each operation that the server needs at run time, read once here. */
export const ${camel(Name)}Operations = {
${meta
  .map(
    ({ op, requiredWithoutMtls, tokenRequired, bodyToken }) =>
      `  ${op.operationId}: { path: '${op.path}', clause: '${op['x-standard-clause']}', requiredWithoutMtls: [${requiredWithoutMtls.map((n) => `'${n}'`).join(', ')}], tokenRequired: ${tokenRequired}, bodyToken: ${bodyToken ? `'${bodyToken}'` : 'null'} },`,
  )
  .join('\n')}
} as const satisfies Record<${Name}OperationId, { path: string; clause: string; requiredWithoutMtls: readonly string[]; tokenRequired: boolean; bodyToken: string | null }>;

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type ${Name}RequestBody<K extends ${Name}OperationId> = JsonBody<NonNullable<operations[K]['requestBody']>>;
/** One documented response of an operation: its HTTP status and its body. */
export type ${Name}Reply<K extends ${Name}OperationId> = {
  [S in keyof operations[K]['responses']]: {
    status: S;
    body: JsonBody<operations[K]['responses'][S]>;
    headers?: Record<string, string>;
  };
}[keyof operations[K]['responses']];

export type ${Name}Handler<K extends ${Name}OperationId, Ctx> = (input: {
  body: ${Name}RequestBody<K>;
  ctx: Ctx;
  req: Request;
}) => Promise<${Name}Reply<K>> | ${Name}Reply<K>;

/** Every operationId of the document mapped to its handler: a missing one is a compile error. */
export type ${Name}Handlers<Ctx> = { [K in ${Name}OperationId]: ${Name}Handler<K, Ctx> };

/** The operation the validating middleware matched the request to (\`req.openapi.schema.operationId\`), if any. */
export function ${camel(Name)}OperationIdOf(req: Request): ${Name}OperationId | undefined {
  return (req as Request & { openapi?: { schema?: { operationId?: ${Name}OperationId } } }).openapi?.schema?.operationId;
}

/**
 * Express middleware that runs the handler of the operation the validator matched. Mount it
 * after the validating middleware.
 */
export function ${camel(Name)}Dispatcher<Ctx>(handlers: ${Name}Handlers<Ctx>, context: (req: Request) => Ctx): RequestHandler {
  const table = handlers as Record<string, ${Name}Handler<${Name}OperationId, Ctx>>;
  return async (req, res, next) => {
    const operationId = ${camel(Name)}OperationIdOf(req);
    const handler = operationId === undefined ? undefined : table[operationId];
    if (!handler) return next();
    const reply = await handler({ body: req.body, ctx: context(req), req });
    if (reply.headers) res.set(reply.headers);
    // The request log and the metrics name the reply's result code (RetCode, or GB/T's status).
    res.locals.replyBody = reply.body;
    res.status(Number(reply.status)).json(reply.body);
  };
}
`,
  );

  const schemes = (spec.components?.securitySchemes ?? {}) as Record<string, SecurityScheme>;
  const compiled = compileValidators(spec);
  write(`${prefix}.validators.ts`, header(api) + compiled.code);
  const operationEntries = ops.map((op) => {
    const v = compiled.operations[op.operationId]!;
    const discriminator = v.body?.discriminator
      ? `, discriminator: { property: '${v.body.discriminator.property}', options: { ${Object.entries(v.body.discriminator.options).map(([value, name]) => `'${value}': v.${name}!`).join(', ')} } }`
      : '';
    const body = v.body ? `{ mediaTypes: ${JSON.stringify(v.body.mediaTypes)}, required: ${v.body.required}, schema: v.${v.body.name}!${discriminator} }` : 'undefined';
    const responses = Object.entries(v.responses).map(([status, name]) => `'${status}': ${name === null ? 'null' : `v.${name}!`}`).join(', ');
    return `    {
      operationId: '${op.operationId}',
      path: '${op.path}',
      method: '${op.method.toUpperCase()}',
      urls: ${JSON.stringify(basePaths(spec).map((base) => base + op.path))},
      security: ${JSON.stringify((op.security ?? spec.security ?? []).map((requirement) => Object.keys(requirement)))},
      headers: v.${v.headers}!,
      body: ${body},
      responses: { ${responses} },
    },`;
  });
  const schemeNames = Object.keys(schemes).length ? Object.keys(schemes).map((n) => `'${n}'`).join(' | ') : 'never';
  write(
    `${prefix}.middleware.ts`,
    `${header(api)}import type { Request, RequestHandler } from 'express';
import { compiledValidator, type CompiledDocument, type CompiledSchema } from '../../src/validation/compiled-validator.ts';
import * as validators from './${prefix}.validators.ts';

const v = validators as unknown as Record<string, CompiledSchema>;

export type ${Name}SecurityScheme = ${schemeNames};

export interface ${Name}ValidatorOptions {
  /** Whether a request satisfies each security scheme of the document: every scheme needs one. */
  securityHandlers: Record<${Name}SecurityScheme, (req: Request) => boolean | Promise<boolean>>;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** Each operation under every base path of the document's servers, its security alternatives and its compiled validators (${prefix}.validators.ts). */
export const ${camel(Name)}Document: CompiledDocument = {
  operations: [
${operationEntries.join('\n')}
  ],
  basePaths: ${JSON.stringify(basePaths(spec))},
  credentials: ${JSON.stringify(Object.fromEntries(Object.entries(schemes).map(([n, s]) => [n, describeScheme(s)])))},
  headerKeys: ${JSON.stringify(Object.fromEntries(Object.entries(schemes).filter(([, s]) => s.type === 'apiKey' && s.in === 'header').map(([n, s]) => [n, s.name!.toLowerCase()])))},
};

/** Requests, responses and security checked against ${specFile} by its compiled validators (src/validation/compiled-validator.ts). */
export function ${camel(Name)}Validator(options: ${Name}ValidatorOptions): RequestHandler {
  return compiledValidator(${camel(Name)}Document, options);
}
`,
  );
  write(
    `${prefix}.eov-middleware.ts`,
    `${header(api)}import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { eovValidator } from '../../src/validation/eov-validator.ts';
import { ${camel(Name)}Document, type ${Name}ValidatorOptions } from './${prefix}.middleware.ts';

/** The bundled document, parsed once per process. */
export const ${camel(Name)}Spec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./${specFile}', import.meta.url), 'utf8'),
);

/** The same checks as ${camel(Name)}Validator, made by express-openapi-validator over ${specFile} (src/validation/eov-validator.ts). */
export function ${camel(Name)}EovValidator(options: ${Name}ValidatorOptions): RequestHandler {
  return eovValidator(${camel(Name)}Spec, ${camel(Name)}Document, options);
}
`,
  );

  // A status registry for every schema that maps its codes to HTTP statuses (CHEAA RetCode,
  // GB/T 43960 Status); documents sharing one (platform, partner) get it once, beside the first.
  for (const [schemaName, schema] of Object.entries(spec.components?.schemas ?? {})) {
    const registry = schema as { enum?: (string | number)[]; 'x-enum-varnames'?: string[]; 'x-enum-descriptions'?: string[]; 'x-http-status'?: Record<string, number> };
    if (!registry['x-http-status'] || !registry.enum || registriesWritten.has(schemaName)) continue;
    registriesWritten.add(schemaName);
    const names = registry['x-enum-varnames'] ?? [];
    const descriptions = registry['x-enum-descriptions'] ?? [];
    const http = registry['x-http-status'];
    const plural = `${schemaName}${schemaName.endsWith('s') ? 'es' : 's'}`;
    const lower = camel(schemaName);
    write(
      `${prefix}.${plural.toLowerCase()}.ts`,
      `${header(api)}
/** Every ${schemaName} of the document, by name (x-enum-varnames). */
export const ${plural} = {
${registry.enum.map((code, i) => `  /** ${descriptions[i]} */\n  ${names[i]}: ${JSON.stringify(code)},`).join('\n')}
} as const;
export type ${schemaName} = (typeof ${plural})[keyof typeof ${plural}];

/** The HTTP status each ${schemaName} travels with (x-http-status). */
export const ${lower}HttpStatus: Record<${schemaName}, number> = {
${registry.enum.map((code) => `  ${JSON.stringify(String(code))}: ${http[String(code)]},`).join('\n')}
};

/** What each ${schemaName} means (x-enum-descriptions). */
export const ${lower}Descriptions: Record<${schemaName}, string> = {
${registry.enum.map((code, i) => `  ${JSON.stringify(String(code))}: ${JSON.stringify(descriptions[i])},`).join('\n')}
};
`,
    );
  }
  return written;
}

const registriesWritten = new Set<string>();

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

bundle();
for (const api of apis()) {
  const files = await generate(api);
  console.log(`${api.name}: ${files.join(', ')}`);
}
console.log(`config: ${await writeConfigTypes(root)}`);
