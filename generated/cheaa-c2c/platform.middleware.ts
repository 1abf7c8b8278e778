// Generated from openapi/cheaa-c2c/platform.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import { readFileSync } from 'node:fs';
import * as OpenApiValidator from 'express-openapi-validator';
import type { OpenAPIV3, SecurityHandlers } from 'express-openapi-validator/dist/framework/types.js';

/** The bundled document, parsed once per process. */
export const cheaaPlatformSpec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./platform.openapi.json', import.meta.url), 'utf8'),
);

export interface CheaaPlatformValidatorOptions {
  /** One handler per security scheme: the validator lets a scheme without one through. */
  securityHandlers: SecurityHandlers;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** express-openapi-validator bound to platform.openapi.json: requests, responses and security. */
export function cheaaPlatformValidator(options: CheaaPlatformValidatorOptions) {
  return OpenApiValidator.middleware({
    apiSpec: structuredClone(cheaaPlatformSpec),
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
    validateResponses: options.validateResponses ?? true,
    validateSecurity: { handlers: options.securityHandlers },
    validateApiSpec: false,
    ignoreUndocumented: options.ignoreUndocumented ?? false,
  });
}
