// Generated from openapi/cheaa-c2c/partner.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import { readFileSync } from 'node:fs';
import * as OpenApiValidator from 'express-openapi-validator';
import type { OpenAPIV3, SecurityHandlers } from 'express-openapi-validator/dist/framework/types.js';

/** The bundled document, parsed once per process. */
export const cheaaPartnerSpec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./partner.openapi.json', import.meta.url), 'utf8'),
);

export interface CheaaPartnerValidatorOptions {
  /** One handler per security scheme: the validator lets a scheme without one through. */
  securityHandlers: SecurityHandlers;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** express-openapi-validator bound to partner.openapi.json: requests, responses and security. */
export function cheaaPartnerValidator(options: CheaaPartnerValidatorOptions) {
  return OpenApiValidator.middleware({
    apiSpec: structuredClone(cheaaPartnerSpec),
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
    validateResponses: options.validateResponses ?? true,
    validateSecurity: { handlers: options.securityHandlers },
    validateApiSpec: false,
    ignoreUndocumented: options.ignoreUndocumented ?? false,
  });
}
