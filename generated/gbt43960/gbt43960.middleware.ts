// Generated from openapi/gbt43960/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import type { Request, RequestHandler } from 'express';
import { compiledValidator, type CompiledDocument, type CompiledSchema } from '../../src/validation/compiled-validator.ts';
import * as validators from './gbt43960.validators.ts';

const v = validators as unknown as Record<string, CompiledSchema>;

export type Gbt43960SecurityScheme = never;

export interface Gbt43960ValidatorOptions {
  /** Whether a request satisfies each security scheme of the document: every scheme needs one. */
  securityHandlers: Record<Gbt43960SecurityScheme, (req: Request) => boolean | Promise<boolean>>;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** Each operation under every base path of the document's servers, its security alternatives and its compiled validators (gbt43960.validators.ts). */
export const gbt43960Document: CompiledDocument = {
  operations: [
    {
      operationId: 'token',
      path: '/token',
      method: 'POST',
      urls: ["/gbt43960/v1/token"],
      security: [],
      headers: v.token__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.token__body! },
      responses: { '200': v.token__200!, '400': v.token__400!, '413': v.token__413!, '415': v.token__415!, '429': v.token__429!, '500': v.token__500!, '503': v.token__503! },
    },
    {
      operationId: 'device_auth',
      path: '/device/auth',
      method: 'POST',
      urls: ["/gbt43960/v1/device/auth"],
      security: [],
      headers: v.device_auth__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.device_auth__body! },
      responses: { '200': v.device_auth__200!, '400': v.device_auth__400!, '413': v.token__413!, '415': v.token__415!, '429': v.token__429!, '500': v.token__500!, '503': v.token__503! },
    },
    {
      operationId: 'device_query',
      path: '/device/query',
      method: 'POST',
      urls: ["/gbt43960/v1/device/query"],
      security: [],
      headers: v.device_query__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.device_query__body! },
      responses: { '200': v.device_query__200!, '400': v.token__400!, '413': v.token__413!, '415': v.token__415!, '429': v.token__429!, '500': v.token__500!, '503': v.token__503! },
    },
    {
      operationId: 'gateway_create',
      path: '/gateway/create',
      method: 'POST',
      urls: ["/gbt43960/v1/gateway/create"],
      security: [],
      headers: v.gateway_create__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.gateway_create__body! },
      responses: { '200': v.gateway_create__200!, '400': v.gateway_create__400!, '413': v.token__413!, '415': v.token__415!, '429': v.token__429!, '500': v.token__500!, '503': v.token__503! },
    },
    {
      operationId: 'device_identifier_save',
      path: '/device/identifier/save',
      method: 'POST',
      urls: ["/gbt43960/v1/device/identifier/save"],
      security: [],
      headers: v.device_identifier_save__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.device_identifier_save__body! },
      responses: { '200': v.device_identifier_save__200!, '400': v.token__400!, '413': v.token__413!, '415': v.token__415!, '429': v.token__429!, '500': v.token__500!, '503': v.token__503! },
    },
    {
      operationId: 'device_identifier_query',
      path: '/device/identifier/query',
      method: 'POST',
      urls: ["/gbt43960/v1/device/identifier/query"],
      security: [],
      headers: v.device_identifier_query__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.device_identifier_query__body! },
      responses: { '200': v.device_identifier_query__200!, '400': v.token__400!, '413': v.token__413!, '415': v.token__415!, '429': v.token__429!, '500': v.token__500!, '503': v.token__503! },
    },
    {
      operationId: 'interface_register',
      path: '/interface/register',
      method: 'POST',
      urls: ["/gbt43960/v1/interface/register"],
      security: [],
      headers: v.interface_register__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.interface_register__body! },
      responses: { '200': v.interface_register__200!, '400': v.token__400!, '413': v.token__413!, '415': v.token__415!, '429': v.token__429!, '500': v.token__500!, '503': v.token__503! },
    },
    {
      operationId: 'interface_list',
      path: '/interface/list',
      method: 'POST',
      urls: ["/gbt43960/v1/interface/list"],
      security: [],
      headers: v.interface_list__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.interface_list__body! },
      responses: { '200': v.interface_list__200!, '400': v.token__400!, '413': v.token__413!, '415': v.token__415!, '429': v.token__429!, '500': v.token__500!, '503': v.token__503! },
    },
  ],
  basePaths: ["/gbt43960/v1"],
  credentials: {},
  headerKeys: {},
};

/** Requests, responses and security checked against openapi.json by its compiled validators (src/validation/compiled-validator.ts). */
export function gbt43960Validator(options: Gbt43960ValidatorOptions): RequestHandler {
  return compiledValidator(gbt43960Document, options);
}
