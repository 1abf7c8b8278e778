// Generated from openapi/gbt43960/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import { readFileSync } from 'node:fs';
import type { Request, RequestHandler } from 'express';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { operationValidator, type DocumentRoutes } from '../openapi-validator.ts';

/** The bundled document, parsed once per process. */
export const gbt43960Spec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./openapi.json', import.meta.url), 'utf8'),
);

export type Gbt43960SecurityScheme = never;

export interface Gbt43960ValidatorOptions {
  /** Whether a request satisfies each security scheme of the document: every scheme needs one. */
  securityHandlers: Record<Gbt43960SecurityScheme, (req: Request) => boolean | Promise<boolean>>;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** Each operation under every base path of the document's servers, its security alternatives, and how its schemes are presented. */
const routes: DocumentRoutes = {"routes":[{"path":"/token","method":"POST","urls":["/gbt43960/v1/token"],"security":[]},{"path":"/device/auth","method":"POST","urls":["/gbt43960/v1/device/auth"],"security":[]},{"path":"/device/query","method":"POST","urls":["/gbt43960/v1/device/query"],"security":[]},{"path":"/gateway/create","method":"POST","urls":["/gbt43960/v1/gateway/create"],"security":[]},{"path":"/device/identifier/save","method":"POST","urls":["/gbt43960/v1/device/identifier/save"],"security":[]},{"path":"/device/identifier/query","method":"POST","urls":["/gbt43960/v1/device/identifier/query"],"security":[]},{"path":"/interface/register","method":"POST","urls":["/gbt43960/v1/interface/register"],"security":[]},{"path":"/interface/list","method":"POST","urls":["/gbt43960/v1/interface/list"],"security":[]}],"basePaths":["/gbt43960/v1"],"credentials":{},"headerKeys":{}};

/** express-openapi-validator bound to openapi.json: requests, responses and security (see ../openapi-validator.ts). */
export function gbt43960Validator(options: Gbt43960ValidatorOptions): RequestHandler {
  return operationValidator(gbt43960Spec, routes, options);
}
