// The CHEAA platform interfaces (platform.yaml, clause 7, role B): the document's steps
// (document-router.ts) with the calling partner platform as the caller.
import type { TLSSocket } from 'node:tls';
import type { Logger } from 'pino';
import type { Router } from 'express';
import { cheaaPlatformDispatcher } from '../../generated/cheaa-c2c/platform.handlers.ts';
import { cheaaPlatformValidator, type CheaaPlatformValidatorOptions } from '../../generated/cheaa-c2c/platform.middleware.ts';
import type { Accounts } from '../domain/accounts.ts';
import type { Devices } from '../domain/devices.ts';
import type { Partner } from '../domain/model.ts';
import { platformHandlers } from '../handlers/cheaa-c2c/index.ts';
import type { PlatformContext } from '../handlers/cheaa-c2c/context.ts';
import { callingPartner } from './calling-partner.ts';
import { documentRouter } from './document-router.ts';
import { errorHandler, notFound } from './error-handler.ts';
import { cheaaRateLimit } from './rate-limit.ts';

export interface CheaaPlatformRouterOptions {
  platId: string;
  partners: Partner[];
  accounts: Accounts;
  devices: Devices;
  log: Logger;
  bodyBytes: number;
  requestsPerSecondPerPartner: number;
  validateResponses?: boolean;
}

/** The platform document's security schemes as the platform checks them. */
export const platformSecurityHandlers: CheaaPlatformValidatorOptions['securityHandlers'] = {
  // Presence only: whether the token is valid is the domain's question (RetCode 4011/4012).
  AccessToken: (req) => typeof req.headers.accesstoken === 'string' && req.headers.accesstoken !== '',
  PartnerCertificate: (req) => (req.socket as TLSSocket).authorized === true,
};

/** Serves every request that reaches it: mount it after the other documents' routers. */
export function cheaaPlatformRouter(options: CheaaPlatformRouterOptions): Router {
  return documentRouter({
    bodyBytes: options.bodyBytes,
    validate: cheaaPlatformValidator({ validateResponses: options.validateResponses ?? true, securityHandlers: platformSecurityHandlers }),
    identify: callingPartner(options.partners),
    rateLimit: cheaaRateLimit(options.requestsPerSecondPerPartner, (_req, res) => (res.locals.partner as Partner | undefined)?.platId),
    dispatch: cheaaPlatformDispatcher(platformHandlers, (req): PlatformContext => ({
      platId: options.platId,
      partner: req.res!.locals.partner as Partner,
      accessToken: req.get('AccessToken'),
      accounts: options.accounts,
      devices: options.devices,
    })),
    notFound,
    render: errorHandler(options.log),
  });
}
