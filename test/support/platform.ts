// The running platform for tests: `startTestPlatform(t)` starts src/platform.ts on a fresh database
// (PGlite from the migrated snapshot; a PostgreSQL schema or a PGlite data dir when asked), on a
// loopback port, with a configuration built in code, and with the partner platforms (role A) it
// serves played by small servers the test controls. Everything is closed when the test ends.
//
//   test('7.2.7 …', async (t) => {
//     const p = await startTestPlatform(t);
//     const alice = await p.login();
//     const washer = await p.addDevice('02002001');
//     await p.bind(alice, washer);
//     const { data, error } = await alice.client.devices_op({ body: … });
//   });
//
// Opening a database and compiling the validators costs about two seconds, so a file with many
// small cases may share one platform with `sharedPlatform()`: its tests then keep apart by logging
// in users and adding devices of their own (`login()`, `addDevice()`), never reusing another's.
//
// Beside it: examples.ts (the spec's examples and who is who), test-partner.ts (the partners it
// serves), outbox.ts (what it owes them), eventually.ts (cleanups and polling).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, afterEach, before, type TestContext } from 'node:test';
import { pino, type Logger } from 'pino';
import { createCheaaPartnerClient, type CheaaPartnerClient } from '../../generated/cheaa-c2c/partner.client.ts';
import { createCheaaPlatformClient, type CheaaPlatformClient } from '../../generated/cheaa-c2c/platform.client.ts';
import { configFrom, type PlatformConfig } from '../../src/config.ts';
import { initialAttributes } from '../../src/domain/capabilities.ts';
import type { Store } from '../../src/domain/model.ts';
import { newAccessToken } from '../../src/domain/tokens.ts';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../../src/platform.ts';
import { openDatabase, type Database, type OpenOptions } from '../../src/store/database.ts';
import { createStore } from '../../src/store/repositories.ts';
import { migratedPGliteSnapshot, withPostgresSchema } from './database.ts';
import { type DeviceConfig, DeviceTypes, LOCAL_USER, OTHER_PARTNER, PARTNER, PLATFORM_PLAT_ID, STANDARD_DEVICES, replyExample, requestExample } from './examples.ts';
import type { Cleanup } from './eventually.ts';
import { TestPartner } from './test-partner.ts';


const fresh = (prefix: string, bytes: number) => `${prefix}${randomBytes(bytes).toString('hex')}`;

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
  /** Outbox worker pacing; by default it polls every 20 ms and retries within 10–100 ms. */
  worker?: PlatformOptions['worker'];
  /** Time limits of PostgreSQL calls, instead of the defaults. */
  storeLimits?: Partial<Pick<PlatformConfig['database'], 'statementTimeoutMs' | 'connectTimeoutMs'>>;
  /** The platform's log; silent by default. */
  log?: Logger;
}

/** A user logged in through a partner: the ids and tokens, and a client that sends the token. */
export interface Session {
  loginId: string;
  authToken: string;
  userId: string;
  accessToken: string;
  partner: TestPartner;
  /** The platform client as this user's partner, sending this user's AccessToken. */
  client: CheaaPlatformClient;
}

/** Headers a client sends on every call; null leaves one out. */
export interface CallerHeaders {
  PlatID?: string | null;
  AppID?: string | null;
  AccessToken?: string | null;
}

export interface TestPlatform {
  readonly url: string;
  readonly config: PlatformConfig;
  readonly running: RunningPlatform;
  readonly db: Database;
  readonly store: Store;
  /** The partner whose users log in here by default (MB-JDAPP-0000). */
  readonly partner: TestPartner;
  /** A second partner platform (000006), for users of another platform. */
  readonly otherPartner: TestPartner;
  /** A platform client calling as `partner` (default: the first), with its PlatID and AppID. */
  client(partner?: TestPartner, headers?: CallerHeaders): CheaaPlatformClient;
  /** A partner client of this platform's own partner interfaces (role A: 7.1.4, 7.2.8). */
  partnerClient(headers?: { PlatID?: string | null; EventID?: string | null }): CheaaPartnerClient;
  /** Logs a new user in through a partner (default: the first), who verifies it from its table. */
  login(options?: { partner?: TestPartner; familyId?: string; loginId?: string }): Promise<Session>;
  /** A new device of its own for the test, of a simulated type. */
  addDevice(deviceType?: string): Promise<string>;
  /** A new device that also has a UDeviceID (clause 6.4), which the platform maps to its deviceID. */
  addVendorDevice(deviceType?: string): Promise<{ deviceId: string; udeviceId: string }>;
  /** Binds devices to the user, asserting it worked. */
  bind(session: Session, ...deviceIds: string[]): Promise<void>;
  /** An AccessToken of the user that expired a minute ago, stored as login stores tokens. */
  expiredToken(session: Session): Promise<string>;
  /** Stops the platform (not its partners or an external database); idempotent. */
  close(): Promise<void>;
}

let snapshot: Uint8Array | undefined;

/** The configuration a test platform runs with, through the same validation as a config file. */
export function testConfig(partners: [TestPartner, TestPartner], options: TestPlatformOptions = {}): PlatformConfig {
  const raw = {
    platId: PLATFORM_PLAT_ID,
    listen: { host: '127.0.0.1', port: 0 },
    tokens: { accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600 },
    database: { ...options.storeLimits },
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

/** Starts the platform for this test (or suite); it and what the harness opened close after it:
 * the platform first (its worker finishes), then its database, then the partners it started. */
export async function startTestPlatform(t: Cleanup, options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const owned: TestPartner[] = [];
  let ownDatabase: Database | undefined;
  let running: RunningPlatform | undefined;
  t.after(async () => {
    await running?.close();
    await ownDatabase?.close();
    for (const partner of owned) await partner.close();
  });

  if (!options.partners) {
    for (const identity of [PARTNER, OTHER_PARTNER]) {
      const partner = new TestPartner(identity);
      owned.push(partner);
      await partner.start();
    }
  }
  const partners = options.partners ?? [owned[0]!, owned[1]!];
  const [partner, otherPartner] = partners;
  const config = testConfig(partners, options);

  let database: OpenOptions | Database;
  const choice = options.database ?? 'pglite';
  if (choice === 'pglite') {
    snapshot ??= await migratedPGliteSnapshot();
    database = ownDatabase = await openDatabase({ snapshot });
  } else if (choice === 'postgres') {
    // A schema of its own, dropped after the test; the platform migrates it and closes its pool.
    database = { url: (await withPostgresSchema(t as TestContext)).url, poolSize: 4 };
  } else if ('dataDir' in choice) {
    snapshot ??= await migratedPGliteSnapshot();
    database = { dataDir: choice.dataDir, snapshot };
  } else if ('url' in choice) {
    database = { url: choice.url, poolSize: 4 };
  } else {
    database = choice;
  }

  running = await startPlatform(config, {
    database,
    log: options.log ?? pino({ level: 'silent' }),
    docsDir: undefined,
    worker: { pollMs: 20, baseDelayMs: 10, maxDelayMs: 100, ...options.worker },
  });
  const started = running;

  const store = createStore(started.db);
  async function seed(deviceType: string, vendor: boolean) {
    const deviceId = fresh('T', 6).toUpperCase();
    // Manufacturer 000006, category code 01, the product code of deviceType, then the device's own code.
    const udeviceId = vendor ? `00000601${deviceType.padEnd(8, '0')}${deviceId}` : null;
    await store.devices.seed({
      deviceId,
      udeviceId,
      deviceType,
      model: 'Test model',
      manufacturer: 'Test Appliances',
      brand: 'Test',
      accessWay: '1',
      attrs: initialAttributes(deviceType),
      online: true,
    });
    return { deviceId, udeviceId };
  }
  const client = (as: TestPartner = partner, headers: CallerHeaders = {}) =>
    createCheaaPlatformClient({ baseUrl: started.url, headers: { PlatID: as.platId, AppID: as.appId, ...headers } });

  const platform: TestPlatform = {
    url: started.url,
    config,
    running: started,
    db: started.db,
    store,
    partner,
    otherPartner,
    client,
    partnerClient: (headers = {}) => createCheaaPartnerClient({ baseUrl: started.url, headers: { PlatID: PARTNER.platId, ...headers } }),
    async login({ partner: as = partner, familyId, loginId = fresh('u', 6) } = {}) {
      const authToken = fresh('auth-', 12);
      as.users.set(loginId, authToken);
      const body = requestExample('user_login');
      const entry = body.User[0]!;
      entry.UserBase.loginID = loginId;
      if (familyId !== undefined) entry.UserProfile = { ...entry.UserProfile, familyId };
      body.AuthToken = authToken;
      const { data, error, response } = await client(as).user_login({ body });
      assert.ok(data, `login of ${loginId} through ${as.platId} failed: HTTP ${response.status} ${JSON.stringify(error)}`);
      const accessToken = response.headers.get('AccessToken');
      assert.ok(accessToken, 'the login reply carries an AccessToken header');
      const userId = data.User[0]!.UserBase.userID;
      return { loginId, authToken, userId, accessToken, partner: as, client: client(as, { AccessToken: accessToken }) };
    },
    addDevice: async (deviceType = DeviceTypes.washingMachine) => (await seed(deviceType, false)).deviceId,
    addVendorDevice: async (deviceType = DeviceTypes.washingMachine) => {
      const { deviceId, udeviceId } = await seed(deviceType, true);
      return { deviceId, udeviceId: udeviceId! };
    },
    async bind(session, ...deviceIds) {
      const { data, error } = await session.client.user_bindDevices({
        body: { UserID: session.userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) },
      });
      assert.deepEqual(data, replyExample('user_bindDevices.standard.response'), `binding ${deviceIds.join(', ')} failed: ${JSON.stringify(error)}`);
    },
    async expiredToken(session) {
      const { token, hash } = newAccessToken();
      await store.tokens.insert(hash, { userId: session.userId, platId: session.partner.platId, expiresAt: new Date(Date.now() - 60_000) });
      return token;
    },
    close: () => started.close(),
  };
  return platform;
}

/**
 * One platform for every test of the enclosing describe(), started before the first and closed
 * after the last; its partners are reset after each test. Returns the getter tests call.
 */
export function sharedPlatform(options: TestPlatformOptions = {}): () => TestPlatform {
  const cleanups: (() => unknown)[] = [];
  let platform: TestPlatform | undefined;
  before(async () => {
    platform = await startTestPlatform({ after: (fn) => cleanups.push(fn) }, options);
  });
  afterEach(() => {
    platform?.partner.reset();
    platform?.otherPartner.reset();
  });
  after(async () => {
    // In the order registered, as node:test runs a test's own after hooks.
    for (const cleanup of cleanups) await cleanup();
  });
  return () => {
    assert.ok(platform, 'the shared platform is not started (call it inside a test)');
    return platform;
  };
}
