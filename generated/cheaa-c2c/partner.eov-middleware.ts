// Generated from openapi/cheaa-c2c/partner.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { eovValidator } from '../../src/validation/eov-validator.ts';
import { cheaaPartnerDocument, type CheaaPartnerValidatorOptions } from './partner.middleware.ts';

/** The bundled document, parsed once per process. */
export const cheaaPartnerSpec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./partner.openapi.json', import.meta.url), 'utf8'),
);

/** The same checks as cheaaPartnerValidator, made by express-openapi-validator over partner.openapi.json (src/validation/eov-validator.ts). */
export function cheaaPartnerEovValidator(options: CheaaPartnerValidatorOptions): RequestHandler {
  return eovValidator(cheaaPartnerSpec, cheaaPartnerDocument, options);
}
