// The same contract checked by express-openapi-validator instead of the compiled validators:
// for users who prefer the library, and the oracle the compiled validators are tested against.
import { parse } from 'node:url';
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import type { CompiledDocument, CompiledValidatorOptions } from './compiled-validator.ts';
import { ValidationError } from './errors.ts';
import { operationLookup } from './routes.ts';
import { security } from './security.ts';

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

/**
 * express-openapi-validator over a document: requests and responses; security from the
 * document's requirements, evaluated here (the library accepts mutualTLS without checking it).
 * The library matches a request against every path of its document and compiles each path's
 * pattern on every request, so each operation gets a validator over a copy of the document
 * holding its path alone, picked by an exact lookup of the URL path.
 */
export function eovValidator(spec: OpenAPIV3.DocumentV3_1, doc: CompiledDocument, options: CompiledValidatorOptions): RequestHandler {
  const settings = {
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
    validateResponses: options.validateResponses ?? true,
    validateSecurity: false,
    validateApiSpec: false,
    ignoreUndocumented: options.ignoreUndocumented ?? false,
  };
  const lookup = operationLookup(doc, settings.ignoreUndocumented, (operation) => {
    const apiSpec = structuredClone(spec);
    apiSpec.paths = { [operation.path]: apiSpec.paths![operation.path]! };
    return { method: operation.method, secure: security(operation.security, doc, options.securityHandlers), validate: chain(OpenApiValidator.middleware({ apiSpec, ...settings })) };
  });
  return (req, res, next) => {
    const found = lookup(req);
    if (found === undefined || found instanceof ValidationError) return next(found);
    const { entry } = found;
    // Another method on a documented path: the library answers 405 before any security.
    if (req.method !== entry.method) return entry.validate(req, res, next);
    entry.secure(req, res, (err?: unknown) => (err === undefined ? entry.validate(req, res, next) : next(err)));
  };
}
