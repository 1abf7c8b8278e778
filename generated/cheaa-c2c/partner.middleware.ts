// Generated from openapi/cheaa-c2c/partner.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import { readFileSync } from 'node:fs';
import { parse } from 'node:url';
import type { Request, RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';

/** The bundled document, parsed once per process. */
export const cheaaPartnerSpec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./partner.openapi.json', import.meta.url), 'utf8'),
);

export type CheaaPartnerSecurityScheme = 'PartnerCertificate';

export interface CheaaPartnerValidatorOptions {
  /** Whether a request satisfies each security scheme of the document: every scheme needs one. */
  securityHandlers: Record<CheaaPartnerSecurityScheme, (req: Request) => boolean | Promise<boolean>>;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** Each operation under every base path of the document's servers, with its security alternatives. */
const routes: { path: string; method: string; urls: string[]; security: CheaaPartnerSecurityScheme[][] }[] = [{"path":"/user/verify","method":"POST","urls":["/v1/user/verify"],"security":[["PartnerCertificate"],[]]},{"path":"/dataservices/dataGateway","method":"POST","urls":["/v1/dataservices/dataGateway"],"security":[["PartnerCertificate"],[]]}];
const basePaths: string[] = ["/v1"];
/** What a request lacks when a scheme refuses it, in the reply's message. */
const credentials: Record<string, string> = {"PartnerCertificate":"a client certificate (mutual TLS)"};
/** apiKey schemes in a header: present or not is checked before the handler, as the library does. */
const headerKeys: Record<string, string> = {};

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

function security(alternatives: string[][], handlers: Record<string, (req: Request) => boolean | Promise<boolean>>): RequestHandler {
  return async (req, _res, next) => {
    if (alternatives.length === 0) return next();
    let missing: string[] | undefined;
    for (const alternative of alternatives) {
      const failed: string[] = [];
      for (const scheme of alternative) {
        const header = headerKeys[scheme];
        if ((header !== undefined && req.headers[header] === undefined) || (await handlers[scheme]!(req)) !== true) failed.push(credentials[scheme]!);
      }
      if (failed.length === 0) return next();
      if (!missing || failed.length < missing.length) missing = failed;
    }
    next(new OpenApiValidator.error.Unauthorized({ path: req.path, message: `${missing!.join(' and ')} required` }));
  };
}

/**
 * express-openapi-validator bound to partner.openapi.json: requests and responses; security from the
 * document's requirements, evaluated here (the library accepts mutualTLS without checking it).
 * The library matches a request against every path of its document and compiles each path's
 * pattern on every request, so each operation gets a validator over a copy of the document
 * holding its path alone, picked by an exact lookup of the URL path.
 */
export function cheaaPartnerValidator(options: CheaaPartnerValidatorOptions): RequestHandler {
  const settings = {
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
    validateResponses: options.validateResponses ?? true,
    validateSecurity: false,
    validateApiSpec: false,
    ignoreUndocumented: options.ignoreUndocumented ?? false,
  };
  const byUrl = new Map<string, { method: string; secure: RequestHandler; validate: RequestHandler }>();
  for (const route of routes) {
    const apiSpec = structuredClone(cheaaPartnerSpec);
    apiSpec.paths = { [route.path]: apiSpec.paths![route.path]! };
    const entry = { method: route.method, secure: security(route.security, options.securityHandlers), validate: chain(OpenApiValidator.middleware({ apiSpec, ...settings })) };
    for (const url of route.urls) byUrl.set(url, entry);
  }
  return (req, res, next) => {
    const query = req.originalUrl.indexOf('?');
    const url = query === -1 ? req.originalUrl : req.originalUrl.slice(0, query);
    const entry = byUrl.get(url);
    if (!entry) {
      if (settings.ignoreUndocumented || !basePaths.some((base) => url === base || url.startsWith(`${base}/`))) return next();
      return next(new OpenApiValidator.error.NotFound({ path: req.path, message: 'not found' }));
    }
    // Another method on a documented path: the validator answers 405 before any security.
    if (req.method !== entry.method) return entry.validate(req, res, next);
    entry.secure(req, res, (err?: unknown) => (err === undefined ? entry.validate(req, res, next) : next(err)));
  };
}
