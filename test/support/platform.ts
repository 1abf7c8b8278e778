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
// The test partner (`TestPartner`) is an Express app with the generated partner validator and
// dispatcher. Its 7.1.4 user verify answers from the table `users` (loginID → AuthToken); its 7.2.8
// data gateway records every report. A test makes it misbehave: `verify = 'refuse' | 'slow' | …`,
// `gateway.push('fail500', …)` for the next reports, `stop()` to be down and `start()` to be back.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { pino, type Logger } from 'pino';
import { createCheaaPartnerClient, type CheaaPartnerClient } from '../../generated/cheaa-c2c/partner.client.ts';
import { cheaaPartnerDispatcher, cheaaPartnerOperationIdOf, type CheaaPartnerRequestBody } from '../../generated/cheaa-c2c/partner.handlers.ts';
import { cheaaPartnerValidator } from '../../generated/cheaa-c2c/partner.middleware.ts';
import { createCheaaPlatformClient, type CheaaPlatformClient } from '../../generated/cheaa-c2c/platform.client.ts';
import type { CheaaPlatformOperationId, CheaaPlatformRequestBody } from '../../generated/cheaa-c2c/platform.handlers.ts';
import { configFrom, type PlatformConfig } from '../../src/config.ts';
import { initialAttributes } from '../../src/domain/capabilities.ts';
import { refuse, RetCodes } from '../../src/domain/errors.ts';
import type { Store } from '../../src/domain/model.ts';
import { newAccessToken } from '../../src/domain/tokens.ts';
import { errorHandler, notFound } from '../../src/http/error-handler.ts';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../../src/platform.ts';
import { openDatabase, type Database, type OpenOptions } from '../../src/store/database.ts';
import { createStore } from '../../src/store/repositories.ts';
import { migratedPGliteSnapshot, withPostgresSchema } from './database.ts';
import { bundledApis, deref, type Json, type JsonObject } from './spec.ts';

// ---------------------------------------------------------------------------------------------
// The spec's named examples, as fixtures.

const apis = bundledApis();
export const platformApi = apis.find((api) => api.name === 'cheaa-platform')!;
export const partnerApi = apis.find((api) => api.name === 'cheaa-partner')!;

function namedExample(doc: JsonObject, name: string): Json {
  const found = deref(doc, { $ref: `#/components/examples/${name}` }) as JsonObject | undefined;
  if (!found || !('value' in found)) throw new Error(`the spec has no example ${name}`);
  return structuredClone(found.value as Json);
}

/** A request example of the platform document, `<operationId>.<name>.request`, typed as its body. */
export function requestExample<K extends CheaaPlatformOperationId>(operationId: K, name = 'standard'): CheaaPlatformRequestBody<K> {
  return namedExample(platformApi.doc, `${operationId}.${name}.request`) as unknown as CheaaPlatformRequestBody<K>;
}

/** A reply example of the platform document by its full name, e.g. `error.4031.response`. */
export function replyExample(name: string): { RetCode: string; RetInfo: string } & JsonObject {
  return namedExample(platformApi.doc, name) as { RetCode: string; RetInfo: string } & JsonObject;
}

/** An example of the partner document (7.1.4 and 7.2.8) by its full name. */
export function partnerExample<T = JsonObject>(name: string): T {
  return namedExample(partnerApi.doc, name) as T;
}

// ---------------------------------------------------------------------------------------------
// Who is who: the platforms and devices of the standard's examples.

/** This platform: the B platform of the 7.1.1 reply (`PlatID: PARTNER-Haier-0000`). */
export const PLATFORM_PLAT_ID = 'PARTNER-Haier-0000';
/** The A platform of most examples, with the AppID they send. */
export const PARTNER = { platId: 'MB-JDAPP-0000', appId: '17592186044420' } as const;
/** The A platform of the 7.2.1 and 7.2.2 examples, here a second partner with an AppID of its own. */
export const OTHER_PARTNER = { platId: '000006', appId: '17592186044421' } as const;
/** The user the platform's own verify interface (its partner role) knows: the 7.1.4 example's. */
export const LOCAL_USER = (() => {
  const { User, AuthToken } = partnerExample<CheaaPartnerRequestBody<'user_verify'>>('user_verify.standard.request');
  return { loginId: User[0]!.UserBase.loginID, authToken: AuthToken };
})();

type DeviceConfig = PlatformConfig['devices'][number];
type WireDeviceInfo = { deviceID: string; deviceType?: string; model?: string; manufacturer?: string; brand?: string; accessWay?: string };

const fromExample = (d: WireDeviceInfo): DeviceConfig => ({
  deviceId: d.deviceID,
  deviceType: d.deviceType!,
  ...(d.model !== undefined && { model: d.model }),
  ...(d.manufacturer !== undefined && { manufacturer: d.manufacturer }),
  ...(d.brand !== undefined && { brand: d.brand }),
  ...(d.accessWay !== undefined && { accessWay: d.accessWay }),
});
const replyDevices = (name: string) => (replyExample(name).Device as unknown as { DeviceInfo: WireDeviceInfo }[]).map((d) => fromExample(d.DeviceInfo));

/**
 * The devices the standard's examples talk about, as the test platform serves them, so those
 * examples can be sent and compared as they are: the washing machine of 7.2.6/7.2.7 (with the
 * UDeviceID of clause 6.4's example), the device of the 7.2.4 reply and the two of the 7.2.3 reply.
 */
export const STANDARD_DEVICES: DeviceConfig[] = [
  {
    ...fromExample((requestExample('devices_deviceStatus').Device[0]!.DeviceInfo as WireDeviceInfo)),
    udeviceId: '0000060102002001C89346112DD5',
    model: 'WD-100',
    manufacturer: 'Demo Appliances',
    brand: 'Demo',
    accessWay: '1',
  },
  ...replyDevices('devices_deviceInfo.standard.response'),
  ...replyDevices('users_devices.standard.response'),
];

/** The device types of the simulated appliances the tests use. */
export const DeviceTypes = { washingMachine: '02002001', airConditioner: '03001001', waterHeater: '05001001', refrigerator: '01001001' } as const;

// ---------------------------------------------------------------------------------------------
// Small helpers.

/** Something that runs cleanups after the test: a TestContext, or a suite's collector. */
export interface Cleanup {
  after(fn: () => unknown): void;
}

/** Polls until `probe` returns a value other than undefined/false, or fails naming `what`. */
export async function eventually<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

const fresh = (prefix: string, bytes: number) => `${prefix}${randomBytes(bytes).toString('hex')}`;

// ---------------------------------------------------------------------------------------------
// The partner platform (role A) a test controls.

/**
 * How the test partner answers: `answer` as a partner should (verify from its `users` table, the
 * gateway with RetCode 200); `refuse` with a refusal (verify: 4011; gateway: 503); `fail500` with
 * HTTP 500; `slow` only after `slowMs`, later than the platform waits; `drop` by closing the
 * connection without a reply.
 */
export type PartnerBehaviour = 'answer' | 'refuse' | 'fail500' | 'slow' | 'drop';

export interface PartnerArrival {
  operationId: 'user_verify' | 'dataservices_dataGateway' | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  behaviour?: PartnerBehaviour;
}

/** A report the partner's data gateway accepted (answered RetCode 200). */
export interface PartnerReport {
  eventId: string | undefined;
  platId: string | undefined;
  body: CheaaPartnerRequestBody<'dataservices_dataGateway'>;
}

export class TestPartner {
  readonly platId: string;
  readonly appId: string;
  /** loginID → AuthToken: the users the partner's 7.1.4 verify accepts. */
  readonly users = new Map<string, string>();
  /** How 7.1.4 verify answers. */
  verify: PartnerBehaviour = 'answer';
  /** How the next reports are answered, one entry each, in order; then `answer`. */
  readonly gateway: PartnerBehaviour[] = [];
  /** Every request that reached the partner, before its validator. */
  readonly arrivals: PartnerArrival[] = [];
  /** The reports it accepted, in the order they arrived. */
  readonly reports: PartnerReport[] = [];
  /** How long `slow` waits: longer than a test that expects a timeout lets the platform wait. */
  slowMs = 3000;
  /** How long the data gateway takes to answer a report it accepts. */
  gatewayDelayMs = 0;
  readonly #server: Server;
  #port = 0;
  #listening = false;
  readonly #aborted = new AbortController();

  constructor(identity: { platId: string; appId: string }) {
    this.platId = identity.platId;
    this.appId = identity.appId;
    this.#server = createServer(this.#app());
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/v1`;
  }

  get verifyUrl(): string {
    return `${this.url}/user/verify`;
  }

  get dataGatewayUrl(): string {
    return `${this.url}/dataservices/dataGateway`;
  }

  /** The reports of one device, in arrival order. */
  reportsOf(deviceId: string): PartnerReport[] {
    return this.reports.filter((r) => r.body.DeviceID === deviceId);
  }

  /** The report deliveries that arrived (accepted or not). */
  get deliveries(): PartnerArrival[] {
    return this.arrivals.filter((a) => a.operationId === 'dataservices_dataGateway');
  }

  /** Waits until `count` reports of the device (all devices when omitted) were accepted. */
  async waitForReports(count: number, deviceId?: string, timeoutMs = 5000): Promise<PartnerReport[]> {
    return eventually(`${count} report(s)${deviceId ? ` of ${deviceId}` : ''} at ${this.platId} (got ${deviceId ? this.reportsOf(deviceId).length : this.reports.length})`, () => {
      const got = deviceId ? this.reportsOf(deviceId) : this.reports;
      return got.length >= count && got;
    }, timeoutMs);
  }

  /** Listens, on its previous port when it had one (a partner coming back up). */
  async start(): Promise<void> {
    if (this.#listening) return;
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    this.#port = (this.#server.address() as AddressInfo).port;
    this.#listening = true;
    // The partner validator compiles its document on the first request; do it now, so the first
    // verify of a test is not slower than the platform waits.
    await fetch(this.verifyUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.arrayBuffer());
    this.arrivals.length = 0;
  }

  /** Down: the port refuses connections until `start()`. */
  async stop(): Promise<void> {
    if (!this.#listening) return;
    this.#listening = false;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  /** Back to answering everything, with nothing recorded. */
  reset(): void {
    this.verify = 'answer';
    this.gateway.length = 0;
    this.gatewayDelayMs = 0;
    this.arrivals.length = 0;
    this.reports.length = 0;
  }

  async close(): Promise<void> {
    this.#aborted.abort();
    await this.stop();
  }

  #app(): express.Express {
    const app = express();
    app.use(express.json());
    app.use((req, res, next) => {
      const arrival: PartnerArrival = { operationId: undefined, headers: { ...req.headers }, body: req.body };
      this.arrivals.push(arrival);
      res.locals.arrival = arrival;
      next();
    });
    app.use(cheaaPartnerValidator({ securityHandlers: { PartnerCertificate: () => false } }));
    app.use(async (req, res, next) => {
      const operationId = cheaaPartnerOperationIdOf(req);
      const arrival = res.locals.arrival as PartnerArrival;
      arrival.operationId = operationId;
      const behaviour = operationId === 'user_verify' ? this.verify : (this.gateway.shift() ?? 'answer');
      arrival.behaviour = behaviour;
      switch (behaviour) {
        case 'answer':
          return next();
        case 'slow':
          try {
            await sleep(this.slowMs, undefined, { signal: this.#aborted.signal });
          } catch {
            return;
          }
          return next();
        case 'drop':
          req.socket.destroy();
          return;
        case 'fail500':
          res.status(500).json({ RetCode: RetCodes.InternalError, RetInfo: 'internal error (test partner)' });
          return;
        case 'refuse':
          if (operationId === 'user_verify') refuse(RetCodes.TokenInvalid, 'AuthToken is not valid');
          refuse(RetCodes.Unavailable, 'the partner is not taking reports now');
      }
    });
    app.use(
      cheaaPartnerDispatcher(
        {
          user_verify: ({ body }) => {
            const loginId = body.User[0]!.UserBase.loginID;
            const expected = this.users.get(loginId);
            if (expected === undefined) refuse(RetCodes.UnknownUser, `unknown user ${loginId}`);
            if (expected !== body.AuthToken) refuse(RetCodes.TokenInvalid, `AuthToken is not valid for ${loginId}`);
            return { status: 200, body: partnerExample('user_verify.standard.response') as never };
          },
          dataservices_dataGateway: async ({ body, req }) => {
            if (this.gatewayDelayMs > 0) await sleep(this.gatewayDelayMs);
            this.reports.push({ eventId: req.get('EventID'), platId: req.get('PlatID'), body });
            return { status: 200, body: partnerExample('dataservices_dataGateway.standard.response') as never };
          },
        },
        () => null,
      ),
    );
    app.use(notFound);
    app.use(errorHandler({ error: () => {} }));
    return app;
  }
}

/** A partner platform on a loopback port, closed after the test. */
export async function startTestPartner(t: Cleanup, identity: { platId: string; appId: string } = PARTNER): Promise<TestPartner> {
  const partner = new TestPartner(identity);
  await partner.start();
  t.after(() => partner.close());
  return partner;
}

// ---------------------------------------------------------------------------------------------
// The platform.

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

/** A row of the outbox: a report this platform owes a partner (7.2.8). */
export interface OutboxRow {
  eventId: string;
  platId: string;
  deviceId: string;
  dataType: string;
  payload: { DeviceID: string; DataType: string; DeviceStatus: Record<string, string>; TimeStamp: string };
  attempts: number;
  delivered: boolean;
  claimedBy: string | null;
}

/** The outbox in the order reports were written, of some devices or all. */
export async function outboxRows(db: Database, deviceIds?: string[]): Promise<OutboxRow[]> {
  const { rows } = await db.query<{ event_id: string; plat_id: string; device_id: string; data_type: string; payload: OutboxRow['payload']; attempts: number; delivered_at: Date | null; claimed_by: string | null }>(
    `SELECT event_id, plat_id, device_id, data_type, payload, attempts, delivered_at, claimed_by FROM outbox
     WHERE $1::text[] IS NULL OR device_id = ANY($1::text[]) ORDER BY id`,
    [deviceIds ?? null],
  );
  return rows.map((r) => ({
    eventId: r.event_id,
    platId: r.plat_id,
    deviceId: r.device_id,
    dataType: r.data_type,
    payload: r.payload,
    attempts: r.attempts,
    delivered: r.delivered_at !== null,
    claimedBy: r.claimed_by,
  }));
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
