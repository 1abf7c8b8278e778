// Generated from openapi/gbt43960/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { eovValidator } from '../../src/validation/eov-validator.ts';
import { gbt43960Document, type Gbt43960ValidatorOptions } from './gbt43960.middleware.ts';

/** The bundled document, parsed once per process. */
export const gbt43960Spec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./openapi.json', import.meta.url), 'utf8'),
);

/** The same checks as gbt43960Validator, made by express-openapi-validator over openapi.json (src/validation/eov-validator.ts). */
export function gbt43960EovValidator(options: Gbt43960ValidatorOptions): RequestHandler {
  return eovValidator(gbt43960Spec, gbt43960Document, options);
}
