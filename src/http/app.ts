// The platform's Express app: one router per OpenAPI document (document-router.ts), the docs
// site, and for anything else the CHEAA body. The partner interfaces and GB/T 43960 each take only
// their own paths; the CHEAA platform interfaces take the rest.
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { errorHandler, notFound } from './error-handler.ts';
import type { PlatformMetrics } from '../metrics.ts';
import { requestLog } from './request-log.ts';

export interface AppOptions {
  log: Logger;
  /** In order: every router but the last passes on the requests that are not its document's. */
  routers: Router[];
  /** Directory of the built docs site, served at /docs. */
  docsDir?: string;
  /** The operational endpoints (health.ts), served before everything else. */
  health?: Router;
  /** Where the request log counts requests too. */
  metrics?: PlatformMetrics;
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (options.health) app.use(options.health);
  app.use(requestLog(options.log, options.metrics));
  if (options.docsDir) app.use('/docs', express.static(options.docsDir, { fallthrough: true, index: 'index.html' }));
  for (const router of options.routers) app.use(router);
  // What no router took, and the docs site's own errors.
  app.use(notFound);
  app.use(errorHandler(options.log));
  return app;
}
