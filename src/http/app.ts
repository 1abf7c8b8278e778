// The platform's Express app: the platform document's interfaces (role B), the partner
// interfaces (role A) when given, and the docs site, every failure in the standard's body.
import type { TLSSocket } from 'node:tls';
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import { cheaaPlatformDispatcher } from '../../generated/cheaa-c2c/platform.handlers.ts';
import { cheaaPlatformValidator, type CheaaPlatformValidatorOptions } from '../../generated/cheaa-c2c/platform.middleware.ts';
import type { Accounts } from '../domain/accounts.ts';
import type { Devices } from '../domain/devices.ts';
import type { Partner } from '../domain/model.ts';
import { platformHandlers } from '../handlers/cheaa-c2c/index.ts';
import type { PlatformContext } from '../handlers/cheaa-c2c/context.ts';
import { callingPartner } from './calling-partner.ts';
import { errorHandler, notFound } from './error-handler.ts';
import { jsonBody } from './json-body.ts';
import { rateLimit } from './rate-limit.ts';
import { requestLog } from './request-log.ts';

export interface AppOptions {
  platId: string;
  partners: Partner[];
  accounts: Accounts;
  devices: Devices;
  log: Logger;
  bodyBytes: number;
  requestsPerSecondPerPartner: number;
  /** Routers served before the platform document, e.g. the partner interfaces and other standards. */
  before?: Router[];
  /** Error handlers for those routers' paths, run before the CHEAA one. */
  errorHandlers?: ErrorRequestHandler[];
  /** Directory of the built docs site, served at /docs. */
  docsDir?: string;
  validateResponses?: boolean;
}

/** The platform document's security schemes as the platform checks them. */
export const platformSecurityHandlers: CheaaPlatformValidatorOptions['securityHandlers'] = {
  // Presence only: whether the token is valid is the domain's question (RetCode 4011/4012).
  AccessToken: (req) => typeof req.headers.accesstoken === 'string' && req.headers.accesstoken !== '',
  PartnerCertificate: (req) => (req.socket as TLSSocket).authorized === true,
};

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestLog(options.log));
  if (options.docsDir) app.use('/docs', express.static(options.docsDir, { fallthrough: true, index: 'index.html' }));
  app.use(jsonBody({ limit: options.bodyBytes }));
  for (const router of options.before ?? []) app.use(router);
  app.use(
    cheaaPlatformValidator({
      validateResponses: options.validateResponses ?? true,
      securityHandlers: platformSecurityHandlers,
    }),
  );
  app.use(callingPartner(options.partners));
  app.use(rateLimit(options.requestsPerSecondPerPartner));
  app.use(
    cheaaPlatformDispatcher(platformHandlers, (req): PlatformContext => ({
      platId: options.platId,
      partner: req.res!.locals.partner as Partner,
      accessToken: req.get('AccessToken'),
      accounts: options.accounts,
      devices: options.devices,
    })),
  );
  app.use(notFound);
  for (const handler of options.errorHandlers ?? []) app.use(handler);
  app.use(errorHandler(options.log));
  return app;
}
