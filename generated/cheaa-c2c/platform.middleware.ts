// Generated from openapi/cheaa-c2c/platform.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import type { Request, RequestHandler } from 'express';
import { compiledValidator, type CompiledDocument, type CompiledSchema } from '../../src/validation/compiled-validator.ts';
import * as validators from './platform.validators.ts';

const v = validators as unknown as Record<string, CompiledSchema>;

export type CheaaPlatformSecurityScheme = 'PartnerCertificate' | 'AccessToken';

export interface CheaaPlatformValidatorOptions {
  /** Whether a request satisfies each security scheme of the document: every scheme needs one. */
  securityHandlers: Record<CheaaPlatformSecurityScheme, (req: Request) => boolean | Promise<boolean>>;
  /** Validate replies too (default true). */
  validateResponses?: boolean;
  /** Let requests to paths this document does not describe pass on (to another document's validator). */
  ignoreUndocumented?: boolean;
}

/** Each operation under every base path of the document's servers, its security alternatives and its compiled validators (platform.validators.ts). */
export const cheaaPlatformDocument: CompiledDocument = {
  operations: [
    {
      operationId: 'user_login',
      path: '/user/login',
      method: 'POST',
      urls: ["/v1/user/login"],
      security: [["PartnerCertificate"],[]],
      headers: v.user_login__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.user_login__body! },
      responses: { '200': v.user_login__200!, '400': v.user_login__400!, '403': v.user_login__403!, '413': v.user_login__413!, '415': v.user_login__415!, '429': v.user_login__429!, '500': v.user_login__500!, '502': v.user_login__502!, '503': v.user_login__503! },
    },
    {
      operationId: 'user_logout',
      path: '/user/logout',
      method: 'POST',
      urls: ["/v1/user/logout"],
      security: [["PartnerCertificate","AccessToken"],["AccessToken"]],
      headers: v.user_logout__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.user_logout__body! },
      responses: { '200': v.user_logout__200!, '400': v.user_login__400!, '401': v.user_logout__401!, '403': v.user_login__403!, '413': v.user_login__413!, '415': v.user_login__415!, '429': v.user_login__429!, '500': v.user_login__500!, '503': v.user_login__503! },
    },
    {
      operationId: 'user_unregister',
      path: '/user/unregister',
      method: 'POST',
      urls: ["/v1/user/unregister"],
      security: [["PartnerCertificate","AccessToken"],["AccessToken"]],
      headers: v.user_unregister__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.user_unregister__body! },
      responses: { '200': v.user_unregister__200!, '400': v.user_login__400!, '401': v.user_logout__401!, '403': v.user_login__403!, '404': v.user_unregister__404!, '413': v.user_login__413!, '415': v.user_login__415!, '429': v.user_login__429!, '500': v.user_login__500!, '503': v.user_login__503! },
    },
    {
      operationId: 'user_bindDevices',
      path: '/user/bindDevices',
      method: 'POST',
      urls: ["/v1/user/bindDevices"],
      security: [["PartnerCertificate"],[]],
      headers: v.user_bindDevices__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.user_bindDevices__body! },
      responses: { '200': v.user_bindDevices__200!, '400': v.user_login__400!, '403': v.user_login__403!, '404': v.user_unregister__404!, '413': v.user_login__413!, '415': v.user_login__415!, '429': v.user_login__429!, '500': v.user_login__500!, '503': v.user_login__503! },
    },
    {
      operationId: 'user_unbindDevices',
      path: '/user/unbindDevices',
      method: 'POST',
      urls: ["/v1/user/unbindDevices"],
      security: [["PartnerCertificate"],[]],
      headers: v.user_unbindDevices__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.user_unbindDevices__body! },
      responses: { '200': v.user_unbindDevices__200!, '400': v.user_login__400!, '403': v.user_login__403!, '404': v.user_unregister__404!, '413': v.user_login__413!, '415': v.user_login__415!, '429': v.user_login__429!, '500': v.user_login__500!, '503': v.user_login__503! },
    },
    {
      operationId: 'users_devices',
      path: '/users/devices',
      method: 'POST',
      urls: ["/v1/users/devices"],
      security: [["PartnerCertificate"],[]],
      headers: v.users_devices__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.users_devices__body! },
      responses: { '200': v.users_devices__200!, '400': v.user_login__400!, '403': v.user_login__403!, '404': v.user_unregister__404!, '413': v.user_login__413!, '415': v.user_login__415!, '429': v.user_login__429!, '500': v.user_login__500!, '503': v.user_login__503! },
    },
    {
      operationId: 'devices_deviceInfo',
      path: '/devices/deviceInfo',
      method: 'POST',
      urls: ["/v1/devices/deviceInfo"],
      security: [["PartnerCertificate"],[]],
      headers: v.devices_deviceInfo__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.devices_deviceInfo__body! },
      responses: { '200': v.devices_deviceInfo__200!, '400': v.user_login__400!, '403': v.user_login__403!, '404': v.user_unregister__404!, '413': v.user_login__413!, '415': v.user_login__415!, '429': v.user_login__429!, '500': v.user_login__500!, '503': v.user_login__503! },
    },
    {
      operationId: 'devices_modifyDeviceInfo',
      path: '/devices/modifyDeviceInfo',
      method: 'POST',
      urls: ["/v1/devices/modifyDeviceInfo"],
      security: [["PartnerCertificate"],[]],
      headers: v.devices_modifyDeviceInfo__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.devices_modifyDeviceInfo__body! },
      responses: { '200': v.devices_modifyDeviceInfo__200!, '400': v.user_login__400!, '403': v.user_login__403!, '404': v.user_unregister__404!, '413': v.user_login__413!, '415': v.user_login__415!, '422': v.devices_modifyDeviceInfo__422!, '429': v.user_login__429!, '500': v.user_login__500!, '503': v.user_login__503! },
    },
    {
      operationId: 'devices_deviceStatus',
      path: '/devices/deviceStatus',
      method: 'POST',
      urls: ["/v1/devices/deviceStatus"],
      security: [["PartnerCertificate","AccessToken"],["AccessToken"],["PartnerCertificate"],[]],
      headers: v.devices_deviceStatus__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.devices_deviceStatus__body! },
      responses: { '200': v.devices_deviceStatus__200!, '400': v.user_login__400!, '401': v.user_logout__401!, '403': v.user_login__403!, '404': v.user_unregister__404!, '413': v.user_login__413!, '415': v.user_login__415!, '429': v.user_login__429!, '500': v.user_login__500!, '503': v.user_login__503! },
    },
    {
      operationId: 'devices_op',
      path: '/devices/op',
      method: 'POST',
      urls: ["/v1/devices/op"],
      security: [["PartnerCertificate","AccessToken"],["AccessToken"]],
      headers: v.devices_op__headers!,
      body: { mediaTypes: ["application/json"], required: true, schema: v.devices_op__body! },
      responses: { '200': v.devices_op__200!, '400': v.user_login__400!, '401': v.user_logout__401!, '403': v.user_login__403!, '404': v.user_unregister__404!, '413': v.user_login__413!, '415': v.user_login__415!, '422': v.devices_op__422!, '429': v.user_login__429!, '500': v.user_login__500!, '503': v.user_login__503! },
    },
  ],
  basePaths: ["/v1"],
  credentials: {"PartnerCertificate":"a client certificate (mutual TLS)","AccessToken":"AccessToken header"},
  headerKeys: {"AccessToken":"accesstoken"},
};

/** Requests, responses and security checked against platform.openapi.json by its compiled validators (src/validation/compiled-validator.ts). */
export function cheaaPlatformValidator(options: CheaaPlatformValidatorOptions): RequestHandler {
  return compiledValidator(cheaaPlatformDocument, options);
}
