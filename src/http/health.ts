// Operational endpoints beside the standards' interfaces (README, "Operating it"): /healthz says
// the process answers; /readyz that it can serve — the store reachable with every migration
// applied, and the LISTEN connection that keeps the read cache coherent up — or 503 with the
// reasons; /metrics is the Prometheus text of the platform's metrics (src/metrics.ts); / points a
// browser at the docs.
import { Router } from 'express';
import type { Registry } from 'prom-client';

export interface ReadinessCheck {
  /** What is checked, in the reply. */
  name: string;
  /** Undefined when ready; otherwise why not. Throwing counts as not ready, with the error's message. */
  problem(): Promise<string | undefined> | string | undefined;
}

export function healthRouter(checks: ReadinessCheck[], metrics?: { registry: Registry }): Router {
  const router = Router();
  if (metrics) {
    router.get('/metrics', async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const problems: Record<string, string> = {};
    await Promise.all(
      checks.map(async ({ name, problem }) => {
        try {
          const why = await problem();
          if (why !== undefined) problems[name] = why;
        } catch (error) {
          problems[name] = (error as Error).message;
        }
      }),
    );
    const ready = Object.keys(problems).length === 0;
    res.status(ready ? 200 : 503).json(ready ? { status: 'ready' } : { status: 'not ready', problems });
  });
  router.get('/', (_req, res) => {
    res.redirect(302, '/docs/');
  });
  return router;
}
