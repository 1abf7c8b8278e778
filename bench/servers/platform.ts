// The reference platform as the bench runs it: startPlatform with the configuration the
// orchestrator passes (bench/lib/platform-config.ts) and pino at the level `npm start` uses, its
// lines going to stdout as they would in production (the orchestrator discards them). Besides
// HTTP it answers the IPC command `sql`, so the bench can fill and inspect the store, which on
// PGlite no other process may open.
import { configFrom } from '../../src/config.ts';
import { startPlatform } from '../../src/platform.ts';
import { announceReady } from '../lib/ipc.ts';
import { CONFIG_ENV } from '../lib/platform-config.ts';

const raw: unknown = JSON.parse(process.env[CONFIG_ENV] ?? 'null');
// An empty environment: DATABASE_URL from the shell must not redirect the bench's store.
const config = configFrom(raw, 'the bench configuration', process.cwd(), {});
const platform = await startPlatform(config, { docsDir: undefined });

process.once('SIGTERM', () => {
  void platform.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});

announceReady(Number(new URL(platform.url).port), {
  sql: async (args) => {
    const { sql, params } = args as { sql: string; params?: unknown[] };
    return platform.db.query(sql, params);
  },
});
