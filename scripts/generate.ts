// Generates everything in generated/ from the OpenAPI documents listed in redocly.yaml:
// the bundled spec, its TypeScript types, a typed client, the validating middleware and the
// operationId → handler wiring. Run with `npm run generate`; CI fails when the output drifts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

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

function resolveParameter(spec: Spec, p: NonNullable<Operation['parameters']>[number]) {
  if (!p.$ref) return p;
  const name = p.$ref.replace('#/components/parameters/', '');
  const resolved = spec.components?.parameters?.[name];
  if (!resolved) throw new Error(`unresolved parameter ${p.$ref}`);
  return resolved;
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
    const params = (op.parameters ?? []).map((p) => resolveParameter(spec, p));
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

/**
 * Express middleware that runs the handler of the operation the validator matched
 * (\`req.openapi.schema.operationId\`). Mount it after the validating middleware.
 */
export function ${camel(Name)}Dispatcher<Ctx>(handlers: ${Name}Handlers<Ctx>, context: (req: Request) => Ctx): RequestHandler {
  const table = handlers as Record<string, ${Name}Handler<${Name}OperationId, Ctx>>;
  return async (req, res, next) => {
    const operationId = (req as Request & { openapi?: { schema?: { operationId?: string } } }).openapi?.schema?.operationId;
    const handler = operationId === undefined ? undefined : table[operationId];
    if (!handler) return next();
    const reply = await handler({ body: req.body, ctx: context(req), req });
    if (reply.headers) res.set(reply.headers);
    res.status(Number(reply.status)).json(reply.body);
  };
}
`,
  );

  const schemes = (spec.components?.securitySchemes ?? {}) as Record<string, SecurityScheme>;
  const routes = ops.map((op) => ({
    path: op.path,
    method: op.method.toUpperCase(),
    urls: basePaths(spec).map((base) => base + op.path),
    security: (op.security ?? spec.security ?? []).map((requirement) => Object.keys(requirement)),
  }));
  const description = {
    routes,
    basePaths: basePaths(spec),
    credentials: Object.fromEntries(Object.entries(schemes).map(([n, s]) => [n, describeScheme(s)])),
    headerKeys: Object.fromEntries(Object.entries(schemes).filter(([, s]) => s.type === 'apiKey' && s.in === 'header').map(([n, s]) => [n, s.name!.toLowerCase()])),
  };
  write(
    `${prefix}.middleware.ts`,
    `${header(api)}import { readFileSync } from 'node:fs';
import type { Request, RequestHandler } from 'express';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { operationValidator, type DocumentRoutes } from '../openapi-validator.ts';

/** The bundled document, parsed once per process. */
export const ${camel(Name)}Spec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./${specFile}', import.meta.url), 'utf8'),
);

export type ${Name}SecurityScheme = ${Object.keys(schemes).length ? Object.keys(schemes).map((n) => `'${n}'`).join(' | ') : 'never'};

export interface ${Name}ValidatorOptions {
  /** Whether a request satisfies each security scheme of the document: every scheme needs one. */
  securityHandlers: Record<${Name}SecurityScheme, (req: Request) => boolean | Promise<boolean>>;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** Each operation under every base path of the document's servers, its security alternatives, and how its schemes are presented. */
const routes: DocumentRoutes = ${JSON.stringify(description)};

/** express-openapi-validator bound to ${specFile}: requests, responses and security (see ../openapi-validator.ts). */
export function ${camel(Name)}Validator(options: ${Name}ValidatorOptions): RequestHandler {
  return operationValidator(${camel(Name)}Spec, routes, options);
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

/** The validator runtime every document's `*.middleware.ts` binds to its document, written once. */
const validatorRuntime = `// Generated by \`npm run generate\` (scripts/generate.ts). Do not edit.
// The runtime every document's *.middleware.ts binds to its document and to what the generator
// read from it (DocumentRoutes).
import { parse } from 'node:url';
import type { Request, RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';

export interface DocumentRoutes {
  /** Each operation: its path in the document, method, URL paths under every server base path, security alternatives. */
  routes: { path: string; method: string; urls: string[]; security: string[][] }[];
  basePaths: string[];
  /** What a request lacks when a scheme refuses it, in the reply's message. */
  credentials: Record<string, string>;
  /** apiKey schemes in a header, by lower-case header name: presence is checked before the handler, as the library does. */
  headerKeys: Record<string, string>;
}

export interface ValidatorOptions {
  securityHandlers: Record<string, (req: Request) => boolean | Promise<boolean>>;
  validateResponses?: boolean;
  ignoreUndocumented?: boolean;
}

// The library calls url.parse on every request. On Node 24 each call from inside node_modules walks
// the stack to decide whether to print a deprecation warning, until a call from outside has printed
// it: that walk cost more than the rest of the validation. One call here ends it, with the warning muted.
const noDeprecation = process.noDeprecation;
process.noDeprecation = true;
parse('/');
process.noDeprecation = noDeprecation;

/** Runs middleware one after the other, as a router would, without a router's per-layer matching. */
function chain(handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let i = 0;
    const step = (err?: unknown) => {
      if (err !== undefined || i === handlers.length) return next(err);
      try {
        handlers[i++]!(req, res, step);
      } catch (error) {
        next(error);
      }
    };
    step();
  };
}

function security(alternatives: string[][], doc: DocumentRoutes, handlers: ValidatorOptions['securityHandlers']): RequestHandler {
  return async (req, _res, next) => {
    if (alternatives.length === 0) return next();
    let missing: string[] | undefined;
    for (const alternative of alternatives) {
      const failed: string[] = [];
      for (const scheme of alternative) {
        const header = doc.headerKeys[scheme];
        if ((header !== undefined && req.headers[header] === undefined) || (await handlers[scheme]!(req)) !== true) failed.push(doc.credentials[scheme]!);
      }
      if (failed.length === 0) return next();
      if (!missing || failed.length < missing.length) missing = failed;
    }
    next(new OpenApiValidator.error.Unauthorized({ path: req.path, message: \`\${missing!.join(' and ')} required\` }));
  };
}

/**
 * express-openapi-validator over a document: requests and responses; security from the
 * document's requirements, evaluated here (the library accepts mutualTLS without checking it).
 * The library matches a request against every path of its document and compiles each path's
 * pattern on every request, so each operation gets a validator over a copy of the document
 * holding its path alone, picked by an exact lookup of the URL path.
 */
export function operationValidator(spec: OpenAPIV3.DocumentV3_1, doc: DocumentRoutes, options: ValidatorOptions): RequestHandler {
  const settings = {
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
    validateResponses: options.validateResponses ?? true,
    validateSecurity: false,
    validateApiSpec: false,
    ignoreUndocumented: options.ignoreUndocumented ?? false,
  };
  const byUrl = new Map<string, { method: string; secure: RequestHandler; validate: RequestHandler }>();
  for (const route of doc.routes) {
    const apiSpec = structuredClone(spec);
    apiSpec.paths = { [route.path]: apiSpec.paths![route.path]! };
    const entry = { method: route.method, secure: security(route.security, doc, options.securityHandlers), validate: chain(OpenApiValidator.middleware({ apiSpec, ...settings })) };
    for (const url of route.urls) byUrl.set(url, entry);
  }
  return (req, res, next) => {
    const query = req.originalUrl.indexOf('?');
    const url = query === -1 ? req.originalUrl : req.originalUrl.slice(0, query);
    const entry = byUrl.get(url);
    if (!entry) {
      if (settings.ignoreUndocumented || !doc.basePaths.some((base) => url === base || url.startsWith(\`\${base}/\`))) return next();
      return next(new OpenApiValidator.error.NotFound({ path: req.path, message: 'not found' }));
    }
    // Another method on a documented path: the validator answers 405 before any security.
    if (req.method !== entry.method) return entry.validate(req, res, next);
    entry.secure(req, res, (err?: unknown) => (err === undefined ? entry.validate(req, res, next) : next(err)));
  };
}
`;

const registriesWritten = new Set<string>();

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

bundle();
writeFileSync(join(root, 'generated', 'openapi-validator.ts'), validatorRuntime);
console.log('generated/openapi-validator.ts');
for (const api of apis()) {
  const files = await generate(api);
  console.log(`${api.name}: ${files.join(', ')}`);
}
