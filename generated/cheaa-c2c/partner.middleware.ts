// Generated from openapi/cheaa-c2c/partner.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import type { Request, RequestHandler } from 'express';
import { compiledValidator, type CompiledDocument, type CompiledSchema } from '../../src/validation/compiled-validator.ts';
import * as validators from './partner.validators.ts';

const v = validators as unknown as Record<string, CompiledSchema>;

export type CheaaPartnerSecurityScheme = 'PartnerCertificate';

export interface CheaaPartnerValidatorOptions {
  /** Whether a request satisfies each security scheme of the document: every scheme needs one. */
  securityHandlers: Record<CheaaPartnerSecurityScheme, (req: Request) => boolean | Promise<boolean>>;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** Each operation under every base path of the document's servers, its security alternatives and its compiled validators (partner.validators.ts). */
export const cheaaPartnerDocument: CompiledDocument = {
  operations: [
    {
      operationId: 'user_verify',
      path: '/user/verify',
      method: 'POST',
      urls: ["/v1/user/verify"],
      security: [["PartnerCertificate"],[]],
      headers: v.user_verify__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.user_verify__body! },
      responses: { '200': v.user_verify__200!, '400': v.user_verify__400!, '401': v.user_verify__401!, '403': v.user_verify__403!, '404': v.user_verify__404!, '413': v.user_verify__413!, '415': v.user_verify__415!, '429': v.user_verify__429!, '500': v.user_verify__500!, '503': v.user_verify__503! },
    },
    {
      operationId: 'dataservices_dataGateway',
      path: '/dataservices/dataGateway',
      method: 'POST',
      urls: ["/v1/dataservices/dataGateway"],
      security: [["PartnerCertificate"],[]],
      headers: v.dataservices_dataGateway__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.dataservices_dataGateway__body!, discriminator: { property: 'DataType', options: { 'attr': v.dataservices_dataGateway__body_attr!, 'alarm': v.dataservices_dataGateway__body_alarm!, 'onOffline': v.dataservices_dataGateway__body_onOffline! } } },
      responses: { '200': v.dataservices_dataGateway__200!, '400': v.user_verify__400!, '403': v.user_verify__403!, '404': v.dataservices_dataGateway__404!, '413': v.user_verify__413!, '415': v.user_verify__415!, '429': v.user_verify__429!, '500': v.user_verify__500!, '503': v.user_verify__503! },
    },
  ],
  basePaths: ["/v1"],
  credentials: {"PartnerCertificate":"a client certificate (mutual TLS)"},
  headerKeys: {},
};

/** Requests, responses and security checked against partner.openapi.json by its compiled validators (src/validation/compiled-validator.ts). */
export function cheaaPartnerValidator(options: CheaaPartnerValidatorOptions): RequestHandler {
  return compiledValidator(cheaaPartnerDocument, options);
}
