// Every OpenAPI document's interfaces are served the same way, in the same steps: parse the body,
// validate against the document (generated middleware), identify the caller, rate-limit it,
// dispatch by operationId (generated dispatcher), and render any failure in that standard's body.
// The routers of src/http (cheaa-platform-router.ts, cheaa-partner-router.ts, gbt43960-router.ts)
// are these steps filled in.
import { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { jsonBody } from './json-body.ts';

export interface DocumentSteps {
  /** Whether a request is this document's; others pass on untouched. Absent: every request is. */
  owns?: (req: Request) => boolean;
  /** The largest request body accepted, in bytes. */
  bodyBytes: number;
  validate: RequestHandler;
  identify: RequestHandler;
  rateLimit: RequestHandler;
  dispatch: RequestHandler;
  /** What answers a request of this document that no operation took. */
  notFound: RequestHandler;
  /** Every failure of the steps above, in the standard's own error body. */
  render: ErrorRequestHandler;
}

export function documentRouter(steps: DocumentSteps): Router {
  const router = Router();
  router.use(jsonBody({ limit: steps.bodyBytes }), steps.validate, steps.identify, steps.rateLimit, steps.dispatch, steps.notFound);
  router.use(steps.render);
  const { owns } = steps;
  if (owns === undefined) return router;
  const filtered = Router();
  filtered.use((req, res, next) => (owns(req) ? router(req, res, next) : next()));
  return filtered;
}
