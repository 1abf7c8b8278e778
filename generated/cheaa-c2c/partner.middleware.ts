// Generated from openapi/cheaa-c2c/partner.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import { readFileSync } from 'node:fs';
import type { Request, RequestHandler } from 'express';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { operationValidator, type DocumentRoutes } from '../openapi-validator.ts';

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

/** Each operation under every base path of the document's servers, its security alternatives, and how its schemes are presented. */
const routes: DocumentRoutes = {"routes":[{"path":"/user/verify","method":"POST","urls":["/v1/user/verify"],"security":[["PartnerCertificate"],[]]},{"path":"/dataservices/dataGateway","method":"POST","urls":["/v1/dataservices/dataGateway"],"security":[["PartnerCertificate"],[]]}],"basePaths":["/v1"],"credentials":{"PartnerCertificate":"a client certificate (mutual TLS)"},"headerKeys":{}};

/** express-openapi-validator bound to partner.openapi.json: requests, responses and security (see ../openapi-validator.ts). */
export function cheaaPartnerValidator(options: CheaaPartnerValidatorOptions): RequestHandler {
  return operationValidator(cheaaPartnerSpec, routes, options);
}
