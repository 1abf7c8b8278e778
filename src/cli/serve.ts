// `cloud-interop serve`: the reference platform from a configuration file, until SIGINT/SIGTERM,
// then a graceful shutdown bounded by shutdown.graceMs (requests and report deliveries in flight
// finish or are cut off at the deadline); a second signal stops at once.
import { ConfigError, loadConfig } from '../config.ts';
import { packageVersion } from '../version.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';

export const DEFAULT_CONFIG = 'config/demo.yaml';

const help = `Usage: cloud-interop serve [--config <file.yaml|file.json>]

Runs the CHEAA reference platform (clause 7 interfaces under /v1, GB/T 43960 under /gbt43960/v1).
Without --config it uses ${DEFAULT_CONFIG}: 127.0.0.1:8080, PGlite data in .data/demo, seeded
appliances, and itself as its partner. DATABASE_URL switches the store to a PostgreSQL server;
LOG_LEVEL sets the log level (info); logs are readable lines on a terminal and JSON otherwise
(LOG_FORMAT=json: JSON on a terminal too).

Options:
  -c, --config <file>  the platform configuration (YAML or JSON, see src/config.schema.json)
  -h, --help           show this help

Stops gracefully on SIGINT (Ctrl-C) or SIGTERM: no new connections, replies in flight finish
(with Connection: close) and report deliveries too, within shutdown.graceMs (10 s); what is left
then is cut off and its reports are released for the next start. A second signal stops at once.
Exit status 0 after a shutdown, 2 when the configuration is invalid.
`;

export const serve: Command = {
  help,
  async run(args, { stderr }) {
    const { values, positionals } = parseCommandArgs(args, { options: { config: { type: 'string', short: 'c' } }, allowPositionals: true });
    if (positionals.length > 0) throw new UsageError(`takes no arguments (got ${positionals.join(' ')}); give the configuration with --config <file>`);
    let config;
    try {
      config = loadConfig(values.config ?? DEFAULT_CONFIG);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      stderr.write(`${stderr.style.red(`cloud-interop serve: ${error.message}`)}\nFix the file, or give another with --config <file>.\n`);
      return 2;
    }
    // Imported here: the platform pulls in the store, Express and the validators.
    const { startPlatform } = await import('../platform.ts');
    const platform = await startPlatform(config);
    const origin = platform.url.replace(/\/v1$/, '');
    const store = platform.db.engine === 'postgres' ? 'PostgreSQL (database.url or DATABASE_URL)' : `PGlite in ${config.database.dataDir}`;
    platform.log.info({ version: packageVersion(), url: platform.url, gbt43960: `${origin}/gbt43960/v1`, docs: `${origin}/docs/`, metrics: `${origin}/metrics`, store }, 'platform listening');
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => resolve(name));
    });
    platform.log.info({ signal, graceMs: config.shutdown.graceMs }, 'shutting down: finishing requests and deliveries');
    for (const name of ['SIGINT', 'SIGTERM'] as const) {
      process.once(name, () => {
        platform.log.warn({ signal: name }, 'second signal: stopping now');
        process.exit(1);
      });
    }
    await platform.close();
    platform.log.info('stopped');
    // Anything still holding the event loop (a socket to a hung server) must not keep the process.
    setTimeout(() => process.exit(0), 1000).unref();
    return 0;
  },
};
