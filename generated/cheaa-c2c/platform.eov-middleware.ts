// Generated from openapi/cheaa-c2c/platform.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { eovValidator } from '../../src/validation/eov-validator.ts';
import { cheaaPlatformDocument, type CheaaPlatformValidatorOptions } from './platform.middleware.ts';

/** The bundled document, parsed once per process. */
export const cheaaPlatformSpec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./platform.openapi.json', import.meta.url), 'utf8'),
);

/** The same checks as cheaaPlatformValidator, made by express-openapi-validator over platform.openapi.json (src/validation/eov-validator.ts). */
export function cheaaPlatformEovValidator(options: CheaaPlatformValidatorOptions): RequestHandler {
  return eovValidator(cheaaPlatformSpec, cheaaPlatformDocument, options);
}
