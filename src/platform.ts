// Assembles a running platform from its configuration: store, domain, HTTP(S) server, outbox
// worker and appliance simulation; `close()` shuts it down gracefully. Used by `npm start` and tests.
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { PlatformConfig } from './config.ts';
import { deliveryPressure } from './delivery/delivery-pressure.ts';
import { userVerifier } from './delivery/user-verifier.ts';
import { outboxRetention } from './delivery/outbox-retention.ts';
import { outboxWorker, type OutboxWorkerOptions } from './delivery/outbox-worker.ts';
import { partnerHttp } from './delivery/partner-http.ts';
import { Accounts } from './domain/accounts.ts';
import { initialAttributes } from './domain/capabilities.ts';
import { Devices } from './domain/devices.ts';
import type { Database, OpenOptions } from './store/database.ts';
import { openMigratedDatabase, pendingMigrations } from './store/migrate.ts';
import { settledBy } from './settled-by.ts';
import { warnUnlessUnavailable } from './store/unavailable.ts';
import { outboxQueue, type OutboxQueue } from './store/outbox-queue.ts';
import { platformMetrics } from './metrics.ts';
import { createStore } from './store/repositories.ts';
import { ReadCache } from './store/read-cache.ts';
import { createApp } from './http/app.ts';
import { healthRouter } from './http/health.ts';
import { answerClientError } from './http/client-error.ts';
import { cheaaPartnerRouter } from './http/cheaa-partner-router.ts';
import { cheaaPlatformRouter } from './http/cheaa-platform-router.ts';
import { gbt43960Router } from './http/gbt43960-router.ts';
import { GbtService, hashSecret } from './domain/gbt43960/service.ts';
import { gbtStore } from './store/gbt43960.ts';

export interface PlatformOptions {
  log?: Logger;
  /** Open this database instead of the configured one (tests pass a snapshot). */
  database?: OpenOptions | Database;
  docsDir?: string;
  /** Pacing of the outbox worker (tests shorten the poll and retry delays). */
  worker?: Pick<OutboxWorkerOptions, 'pollMs' | 'concurrency' | 'baseDelayMs' | 'maxDelayMs' | 'probeMaxDelayMs'>;
}

export interface RunningPlatform {
  url: string;
  server: Server;
  db: Database;
  accounts: Accounts;
  devices: Devices;
  worker: ReturnType<typeof outboxWorker>;
  /** Whether delivery to a partner is too far behind to take more ops (delivery.maxBacklog). */
  pressure: ReturnType<typeof deliveryPressure>;
  log: Logger;
  /** Graceful shutdown within `graceMs` (the configured shutdown.graceMs unless given). */
  close(graceMs?: number): Promise<void>;
}

/** On a terminal, lines a person reads; elsewhere (or with LOG_FORMAT=json) JSON for a log pipeline. */
function platformLog(): Logger {
  const settings = { name: 'cloud-interop', level: process.env.LOG_LEVEL ?? 'info' };
  if (process.stdout.isTTY && process.env.LOG_FORMAT !== 'json') {
    return pino(settings, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,name' }));
  }
  // Written asynchronously and in blocks: a write per request line took a sixth of the busy time
  // of 7.2.6 under load, synchronous or not (bench profiles). A line waits at most 100 ms for its
  // block; pino flushes what is pending when the process exits.
  return pino(settings, pino.destination({ sync: false, minLength: 4096, periodicFlush: 100 }));
}

const isDatabase = (d: OpenOptions | Database): d is Database => typeof (d as Database).query === 'function';

export async function startPlatform(config: PlatformConfig, options: PlatformOptions = {}): Promise<RunningPlatform> {
  const log = options.log ?? platformLog();
  // The queue is the store's: its backlog is read at each scrape.
  let queue: OutboxQueue | undefined;
  const metrics = platformMetrics({ backlog: async () => (queue ? queue.backlog() : []) });
  const db = options.database && isDatabase(options.database)
    ? options.database
    : await openMigratedDatabase({
        statementTimeoutMs: config.database.statementTimeoutMs,
        connectTimeoutMs: config.database.connectTimeoutMs,
        onBackgroundError: (err) => log.warn({ err }, err.message),
        onAvailabilityChange: (change) => {
          metrics.store(change.available);
          if (change.available) log.info({ downForMs: change.downForMs }, 'the store is available again');
          else log.error({ err: change.error }, 'the store is unavailable: answering 503 until it is back');
        },
        ...(options.database ?? (config.database.url ? { url: config.database.url } : { dataDir: config.database.dataDir })),
      });
  const readCache = config.database.readCacheEntries > 0 ? await ReadCache.open(db, { maxEntries: config.database.readCacheEntries }) : undefined;
  const store = createStore(db, readCache);
  const warn = (err: unknown, message: string) => warnUnlessUnavailable(log, err, message);
  for (const d of config.devices) {
    await store.devices.seed({
      deviceId: d.deviceId,
      udeviceId: d.udeviceId ?? null,
      deviceType: d.deviceType,
      model: d.model ?? null,
      manufacturer: d.manufacturer ?? null,
      brand: d.brand ?? null,
      accessWay: d.accessWay ?? null,
      attrs: initialAttributes(d.deviceType),
      online: true,
    });
  }
  const gbt = gbtStore(db);
  for (const app of config.gbt43960.applications) {
    const { salt, hash } = hashSecret(app.appSecret);
    await gbt.upsertApp({ appId: app.appId, userId: app.userId, secretSalt: salt, secretHash: hash });
  }
  for (const d of config.gbt43960.devices) {
    await gbt.upsertDevice({ devId: d.devId, userId: d.userId, secret: d.secret, devName: d.devName, devGroup: d.devGroup ?? '', devAdd: d.devAdd ?? '' });
  }
  const verifyHttp = partnerHttp({ platId: config.platId, timeoutMs: config.limits.verifyTimeoutMs, tls: config.tls });
  const concurrency = options.worker?.concurrency ?? config.delivery.concurrencyPerPartner;
  const reportHttp = partnerHttp({ platId: config.platId, timeoutMs: config.limits.deliveryTimeoutMs, tls: config.tls, connections: concurrency });
  const accounts = new Accounts({ store, verifier: userVerifier(verifyHttp, metrics.verified), tokenTtlSeconds: config.tokens.accessTokenTtlSeconds });
  queue = outboxQueue(db);
  const pressure = deliveryPressure({
    queue,
    partners: config.partners.map((p) => p.platId),
    maxBacklog: config.delivery.maxBacklog,
    onChange: (platId, behind) =>
      behind
        ? log.warn({ platId, maxBacklog: config.delivery.maxBacklog }, 'reports to this partner wait beyond delivery.maxBacklog: ops that report to it are refused (RetCode 429) until delivery catches up')
        : log.info({ platId }, 'delivery to this partner caught up: ops are taken again'),
    warn,
  });
  const devices = new Devices({ store, faults: config.simulation.faults, behind: pressure.behind });
  const { bodyBytes, requestsPerSecondPerPartner } = config.limits;
  const app = createApp({
    log,
    routers: [
      cheaaPartnerRouter({ db, log, localUsers: config.localUsers, bodyBytes, requestsPerSecondPerPartner }),
      gbt43960Router({ service: new GbtService(gbt), log, bodyBytes, requestsPerSecondPerCaller: requestsPerSecondPerPartner }),
      cheaaPlatformRouter({ platId: config.platId, partners: config.partners, accounts, devices, log, bodyBytes, requestsPerSecondPerPartner }),
    ],
    // In a checkout, the site `npm start` builds (maybe still building: until then /docs/ is a 404).
    docsDir: options.docsDir ?? (existsSync('docs-site') ? 'docs-site/dist' : undefined),
    health: healthRouter([
      {
        name: 'store',
        problem: async () => {
          const pending = await pendingMigrations(db);
          return pending.length === 0 ? undefined : `migrations not applied: ${pending.join(', ')}`;
        },
      },
      { name: 'listen', problem: () => (readCache === undefined || readCache.listening ? undefined : 'the LISTEN connection to the store is down; reconnecting') },
    ], metrics),
    metrics,
  });
  const server = config.tls
    ? createHttpsServer({ ...config.tls, requestCert: true, rejectUnauthorized: true }, app)
    : createHttpServer(app);
  server.keepAliveTimeout = 65_000;
  server.on('clientError', answerClientError);
  // Once shutting down, every reply closes its connection: a client on a keep-alive connection
  // would otherwise keep the server busy (and the process up) for as long as it sends.
  let draining = false;
  server.prependListener('request', (_req, res) => {
    if (draining) res.setHeader('connection', 'close');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.listen.port, config.listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `${config.tls ? 'https' : 'http'}://${config.listen.host}:${port}/v1`;

  const worker = outboxWorker({ ...options.worker, concurrency, db, queue, http: reportHttp, partners: config.partners, log, observe: metrics });
  await worker.start();
  pressure.start();
  const retention = outboxRetention({ queue, retentionMs: config.delivery.retentionHours * 3_600_000, warn });
  retention.start();
  let ticking = Promise.resolve();
  const simulation = setInterval(() => {
    ticking = ticking.then(() => devices.tick().then(() => undefined, (err: unknown) => warn(err, 'simulation step failed')));
  }, config.simulation.tickMs);
  const tokenSweep = setInterval(() => void store.tokens.deleteExpired(new Date()).catch((err: unknown) => warn(err, 'token sweep failed')), 3_600_000);
  tokenSweep.unref();

  let closing: Promise<void> | undefined;
  /** Stops accepting at once, gives what is in flight until the deadline, then cuts it off. */
  async function shutDown(deadline: number): Promise<void> {
    draining = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    clearInterval(simulation);
    clearInterval(tokenSweep);
    const workerStopped = worker.stop(deadline);
    const retentionStopped = retention.stop();
    const pressureStopped = pressure.stop();
    if (!(await settledBy(stopped, deadline))) {
      log.warn({ graceMs: config.shutdown.graceMs }, 'requests still in flight at the end of the grace period: closing their connections');
      server.closeAllConnections();
    }
    // Past the deadline only the store's own time limits keep these waiting, and not beyond a moment.
    const lastly = Math.max(Date.now(), deadline) + AFTER_DEADLINE_MS;
    await settledBy(Promise.all([workerStopped, retentionStopped, pressureStopped, ticking]), lastly);
    await Promise.all([verifyHttp.close(), reportHttp.close(), settledBy(readCache?.close(), lastly)]);
    if (!(options.database && isDatabase(options.database))) await settledBy(db.close(), lastly);
  }
  return {
    url,
    server,
    db,
    accounts,
    devices,
    worker,
    pressure,
    log,
    close(graceMs = config.shutdown.graceMs) {
      closing ??= shutDown(Date.now() + graceMs);
      return closing;
    },
  };
}

const AFTER_DEADLINE_MS = 500;
