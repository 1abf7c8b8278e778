// What a test platform is started with: the options a test may give, and the configuration built
// from them in code, through the same validation as a config file.
import type { Logger } from 'pino';
import { configFrom, type PlatformConfig } from '../../src/config.ts';
import type { PlatformOptions } from '../../src/platform.ts';
import type { Database } from '../../src/store/database.ts';
import { type DeviceConfig, LOCAL_USER, PLATFORM_PLAT_ID, STANDARD_DEVICES } from './examples.ts';
import type { TestPartner } from './test-partner.ts';

export interface TestPlatformOptions {
  /** Where its data lives: a fresh PGlite in memory (default), a fresh PostgreSQL schema, a PGlite
   * data dir (opened from the migrated snapshot when empty), or a database the test opened. */
  database?: 'pglite' | 'postgres' | { dataDir: string } | { url: string } | Database;
  /** Partners to serve instead of two new ones: [partner, otherPartner]. Not closed here. */
  partners?: [TestPartner, TestPartner];
  /** Devices besides STANDARD_DEVICES. */
  devices?: DeviceConfig[];
  /** Faults injected into simulated devices, by deviceID. */
  faults?: Record<string, string>;
  /** Overrides of the test configuration's limits and token lifetime. */
  limits?: Partial<PlatformConfig['limits']>;
  accessTokenTtlSeconds?: number;
  /** Overrides of the test configuration's delivery settings (delivery.maxBacklog). */
  delivery?: Partial<PlatformConfig['delivery']>;
  /** Outbox worker pacing; by default it polls every 20 ms and retries within 10–100 ms. */
  worker?: PlatformOptions['worker'];
  /** Time limits of PostgreSQL calls, instead of the defaults. */
  storeLimits?: Partial<Pick<PlatformConfig['database'], 'statementTimeoutMs' | 'connectTimeoutMs'>>;
  /** The platform's log; silent by default. */
  log?: Logger;
}

/** The configuration a test platform runs with, through the same validation as a config file. */
export function testConfig(partners: [TestPartner, TestPartner], options: TestPlatformOptions = {}): PlatformConfig {
  const raw = {
    platId: PLATFORM_PLAT_ID,
    listen: { host: '127.0.0.1', port: 0 },
    tokens: { accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600 },
    database: { ...options.storeLimits },
    delivery: { ...options.delivery },
    // Timeouts as in production: a loaded machine must not turn a slow answer into a failure. A
    // test of a slow partner shortens them.
    limits: { bodyBytes: 16 * 1024, requestsPerSecondPerPartner: 10_000, verifyTimeoutMs: 5000, deliveryTimeoutMs: 5000, ...options.limits },
    // Appliances move only when a test calls devices.tick(): a day between automatic steps.
    simulation: { tickMs: 86_400_000, faults: options.faults ?? {} },
    partners: partners.map((p) => ({ platId: p.platId, appId: p.appId, verifyUrl: p.verifyUrl, dataGatewayUrl: p.dataGatewayUrl })),
    localUsers: [LOCAL_USER],
    devices: [...STANDARD_DEVICES, ...(options.devices ?? [])],
  };
  // No environment: DATABASE_URL must not redirect a test's database.
  return configFrom(raw, 'the test configuration', process.cwd(), {});
}
