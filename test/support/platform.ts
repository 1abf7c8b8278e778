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
// Beside it: test-config.ts (its options and configuration), database.ts (where its data lives),
// sessions.ts (users, devices, bindings), examples.ts (the spec's examples and who is who),
// test-partner.ts (the partners it serves), outbox.ts (what it owes them), eventually.ts (cleanups
// and polling).
import assert from 'node:assert/strict';
import { after, afterEach, before, type TestContext } from 'node:test';
import { pino } from 'pino';
import { createCheaaPartnerClient, type CheaaPartnerClient } from '../../generated/cheaa-c2c/partner.client.ts';
import type { CheaaPlatformClient } from '../../generated/cheaa-c2c/platform.client.ts';
import type { PlatformConfig } from '../../src/config.ts';
import type { Store } from '../../src/domain/model.ts';
import { startPlatform, type RunningPlatform } from '../../src/platform.ts';
import type { Database } from '../../src/store/database.ts';
import { createStore } from '../../src/store/repositories.ts';
import { platformDatabase } from './database.ts';
import { DeviceTypes, OTHER_PARTNER, PARTNER } from './examples.ts';
import type { Cleanup } from './eventually.ts';
import { bindDevices, clientAs, expiredTokenOf, loginThrough, seedDevice, type CallerHeaders, type Session } from './sessions.ts';
import { testConfig, type TestPlatformOptions } from './test-config.ts';
import { TestPartner } from './test-partner.ts';

export type { CallerHeaders, Session, TestPlatformOptions };

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

  const { database, opened } = await platformDatabase(t as TestContext, options.database ?? 'pglite');
  ownDatabase = opened;

  running = await startPlatform(config, {
    database,
    log: options.log ?? pino({ level: 'silent' }),
    docsDir: undefined,
    worker: { pollMs: 20, baseDelayMs: 10, maxDelayMs: 100, ...options.worker },
  });
  const started = running;

  const store = createStore(started.db);
  const client = (as: TestPartner = partner, headers: CallerHeaders = {}) => clientAs(started.url, as, headers);

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
    login: ({ partner: as = partner, ...rest } = {}) => loginThrough(started.url, as, rest),
    addDevice: async (deviceType = DeviceTypes.washingMachine) => (await seedDevice(store, deviceType, false)).deviceId,
    addVendorDevice: async (deviceType = DeviceTypes.washingMachine) => {
      const { deviceId, udeviceId } = await seedDevice(store, deviceType, true);
      return { deviceId, udeviceId: udeviceId! };
    },
    bind: (session, ...deviceIds) => bindDevices(session, deviceIds),
    expiredToken: (session) => expiredTokenOf(store, session),
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
