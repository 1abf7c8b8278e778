// Generated from openapi/cheaa-c2c/partner.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
import createClient, { type ClientOptions, type MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from './partner.types.ts';

export type CheaaPartnerPaths = paths;

/** A typed client of openapi/cheaa-c2c/partner.yaml: one function per operationId, over openapi-fetch. */
export function createCheaaPartnerClient(options: ClientOptions = {}) {
  const client = createClient<paths>(options);
  return {
    /** The underlying openapi-fetch client, for middleware. */
    client,
    /** User verify (用户验证), clause 7.1.4: POST /user/verify */
    user_verify: (init: MaybeOptionalInit<paths['/user/verify'], 'post'>) =>
      client.POST('/user/verify', init),
    /** Device status report (设备状态上报), clause 7.2.8: POST /dataservices/dataGateway */
    dataservices_dataGateway: (init: MaybeOptionalInit<paths['/dataservices/dataGateway'], 'post'>) =>
      client.POST('/dataservices/dataGateway', init),
  };
}

export type CheaaPartnerClient = ReturnType<typeof createCheaaPartnerClient>;
