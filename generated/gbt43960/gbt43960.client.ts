// Generated from openapi/gbt43960/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import createClient, { type ClientOptions, type MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from './gbt43960.types.ts';

export type Gbt43960Paths = paths;

/** A typed client of openapi/gbt43960/openapi.yaml: one function per operationId, over openapi-fetch. */
export function createGbt43960Client(options: ClientOptions = {}) {
  const client = createClient<paths>(options);
  return {
    /** The underlying openapi-fetch client, for middleware. */
    client,
    /** Access token issuance (访问令牌获取), clause 9: POST /token */
    token: (init: MaybeOptionalInit<paths['/token'], 'post'>) =>
      client.POST('/token', init),
    /** Device security authentication (设备安全认证), clause A.2.4: POST /device/auth */
    device_auth: (init: MaybeOptionalInit<paths['/device/auth'], 'post'>) =>
      client.POST('/device/auth', init),
    /** Device query (设备查询), clause A.2.5: POST /device/query */
    device_query: (init: MaybeOptionalInit<paths['/device/query'], 'post'>) =>
      client.POST('/device/query', init),
    /** Edge gateway creation (边缘网关创建), clause A.2.6: POST /gateway/create */
    gateway_create: (init: MaybeOptionalInit<paths['/gateway/create'], 'post'>) =>
      client.POST('/gateway/create', init),
    /** Device identifier save (设备标识保存), clause A.2.7: POST /device/identifier/save */
    device_identifier_save: (init: MaybeOptionalInit<paths['/device/identifier/save'], 'post'>) =>
      client.POST('/device/identifier/save', init),
    /** Device identifier query (设备标识查询), clause A.2.7: POST /device/identifier/query */
    device_identifier_query: (init: MaybeOptionalInit<paths['/device/identifier/query'], 'post'>) =>
      client.POST('/device/identifier/query', init),
    /** Interface registration (接口注册), clause 9: POST /interface/register */
    interface_register: (init: MaybeOptionalInit<paths['/interface/register'], 'post'>) =>
      client.POST('/interface/register', init),
    /** Registered interface list (已注册接口查询), clause 9: POST /interface/list */
    interface_list: (init: MaybeOptionalInit<paths['/interface/list'], 'post'>) =>
      client.POST('/interface/list', init),
  };
}

export type Gbt43960Client = ReturnType<typeof createGbt43960Client>;
