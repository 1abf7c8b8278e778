// Generated from openapi/cheaa-c2c/platform.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import { readFileSync } from 'node:fs';
import type { Request, RequestHandler } from 'express';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { operationValidator, type DocumentRoutes } from '../openapi-validator.ts';

/** The bundled document, parsed once per process. */
export const cheaaPlatformSpec: OpenAPIV3.DocumentV3_1 = JSON.parse(
  readFileSync(new URL('./platform.openapi.json', import.meta.url), 'utf8'),
);

export type CheaaPlatformSecurityScheme = 'PartnerCertificate' | 'AccessToken';

export interface CheaaPlatformValidatorOptions {
  /** Whether a request satisfies each security scheme of the document: every scheme needs one. */
  securityHandlers: Record<CheaaPlatformSecurityScheme, (req: Request) => boolean | Promise<boolean>>;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** Each operation under every base path of the document's servers, its security alternatives, and how its schemes are presented. */
const routes: DocumentRoutes = {"routes":[{"path":"/user/login","method":"POST","urls":["/v1/user/login"],"security":[["PartnerCertificate"],[]]},{"path":"/user/logout","method":"POST","urls":["/v1/user/logout"],"security":[["PartnerCertificate","AccessToken"],["AccessToken"]]},{"path":"/user/unregister","method":"POST","urls":["/v1/user/unregister"],"security":[["PartnerCertificate","AccessToken"],["AccessToken"]]},{"path":"/user/bindDevices","method":"POST","urls":["/v1/user/bindDevices"],"security":[["PartnerCertificate"],[]]},{"path":"/user/unbindDevices","method":"POST","urls":["/v1/user/unbindDevices"],"security":[["PartnerCertificate"],[]]},{"path":"/users/devices","method":"POST","urls":["/v1/users/devices"],"security":[["PartnerCertificate"],[]]},{"path":"/devices/deviceInfo","method":"POST","urls":["/v1/devices/deviceInfo"],"security":[["PartnerCertificate"],[]]},{"path":"/devices/modifyDeviceInfo","method":"POST","urls":["/v1/devices/modifyDeviceInfo"],"security":[["PartnerCertificate"],[]]},{"path":"/devices/deviceStatus","method":"POST","urls":["/v1/devices/deviceStatus"],"security":[["PartnerCertificate","AccessToken"],["AccessToken"],["PartnerCertificate"],[]]},{"path":"/devices/op","method":"POST","urls":["/v1/devices/op"],"security":[["PartnerCertificate","AccessToken"],["AccessToken"]]}],"basePaths":["/v1"],"credentials":{"PartnerCertificate":"a client certificate (mutual TLS)","AccessToken":"AccessToken header"},"headerKeys":{"AccessToken":"accesstoken"}};

/** express-openapi-validator bound to platform.openapi.json: requests, responses and security (see ../openapi-validator.ts). */
export function cheaaPlatformValidator(options: CheaaPlatformValidatorOptions): RequestHandler {
  return operationValidator(cheaaPlatformSpec, routes, options);
}
