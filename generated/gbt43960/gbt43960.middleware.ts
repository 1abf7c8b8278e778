// Generated from openapi/gbt43960/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import { readFileSync } from 'node:fs';
import * as OpenApiValidator from 'express-openapi-validator';
import type { OpenAPIV3, SecurityHandlers } from 'express-openapi-validator/dist/framework/types.js';

/** The bundled document, parsed once per process. */
export const gbt43960Spec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./openapi.json', import.meta.url), 'utf8'),
);

export interface Gbt43960ValidatorOptions {
  /** One handler per security scheme: the validator lets a scheme without one through. */
  securityHandlers: SecurityHandlers;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** express-openapi-validator bound to openapi.json: requests, responses and security. */
export function gbt43960Validator(options: Gbt43960ValidatorOptions) {
  return OpenApiValidator.middleware({
    apiSpec: structuredClone(gbt43960Spec),
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
    validateResponses: options.validateResponses ?? true,
    validateSecurity: { handlers: options.securityHandlers },
    validateApiSpec: false,
    ignoreUndocumented: options.ignoreUndocumented ?? false,
  });
}
