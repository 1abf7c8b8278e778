// `npm start`: the reference platform, with the demo configuration unless --config says otherwise.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { startPlatform } from './platform.ts';

const { values } = parseArgs({
  options: { config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(`Usage: npm start -- [--config <file.yaml|file.json>]

Runs the CHEAA reference platform. Without --config it uses config/demo.yaml: 127.0.0.1:8080,
PGlite data in .data/demo, seeded appliances, and itself as its partner. DATABASE_URL switches the
store to a PostgreSQL server.`);
  process.exit(0);
}

try {
  const platform = await startPlatform(loadConfig(values.config ?? 'config/demo.yaml'));
  platform.log.info({ url: platform.url, docs: platform.url.replace(/\/v1$/, '/docs/') }, 'platform listening');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      platform.log.info({ signal }, 'shutting down: finishing requests and deliveries');
      void platform.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
