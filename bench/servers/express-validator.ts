// Between the baselines and the platform: bare Express plus the platform's generated validating
// middleware (the compiled request, response and security validation of the same document),
// with a handler that answers the fixed reply. The gap to bare Express is the validator's cost,
// the gap to the platform is the handlers, the store and the rest of the middleware.
import express from 'express';
import { cheaaPlatformValidator } from '../../generated/cheaa-c2c/platform.middleware.ts';
import { platformSecurityHandlers } from '../../src/http/cheaa-platform-router.ts';
import { errorHandler } from '../../src/http/error-handler.ts';
import { announceReady } from '../lib/ipc.ts';
import { fixedReply, statusPath } from '../lib/requests.ts';
import { listen } from './listen.ts';

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json());
app.use(
  cheaaPlatformValidator({
    validateResponses: true,
    securityHandlers: platformSecurityHandlers,
  }),
);
app.post(statusPath, (_req, res) => {
  res.json(fixedReply);
});
app.use(errorHandler(console));

const { port } = await listen(app);
announceReady(port);
