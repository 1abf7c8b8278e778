// The statements the two busiest interfaces send to the store, counted: each one is a round trip
// to PostgreSQL (a socket write and a wake-up of its backend), which is most of what a request
// costs. BEGIN and COMMIT count, as they are round trips too.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { Database, Queryable, QueryOptions, TransactionOptions } from '../../src/store/database.ts';
import { engines, withDatabase, type Engine } from '../support/database.ts';
import { DeviceTypes } from '../support/examples.ts';
import { outboxRows } from '../support/outbox.ts';
import { startTestPlatform, type Session, type TestPlatform } from '../support/platform.ts';

/** A database that notes every round trip through it, transactions' BEGIN and COMMIT included; a
 * statement that travels with the COMMIT is noted with it. */
class CountingDatabase implements Database {
  statements: string[] = [];
  readonly #inner: Database;

  constructor(inner: Database) {
    this.#inner = inner;
  }

  get engine() {
    return this.#inner.engine;
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions) {
    return this.#counted(this.#inner).query<T>(sql, params, options);
  }

  exec(script: string) {
    return this.#counted(this.#inner).exec(script);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T> {
    this.statements.push('BEGIN');
    try {
      const result = await this.#inner.transaction((tx) => fn(this.#counted(tx)), options);
      this.statements.push(options?.beforeCommit ? ANNOUNCED_COMMIT : 'COMMIT');
      return result;
    } catch (error) {
      this.statements.push('ROLLBACK');
      throw error;
    }
  }

  listen(channel: string, onNotify: (payload: string) => void) {
    return this.#inner.listen(channel, onNotify);
  }

  close() {
    return this.#inner.close();
  }

  #counted(target: Queryable): Queryable {
    return {
      query: (sql, params, options) => {
        this.statements.push(options?.name ?? sql.trim().split(/\s+/).slice(0, 3).join(' '));
        return target.query(sql, params, options);
      },
      exec: (script) => {
        this.statements.push(script);
        return target.exec(script);
      },
    };
  }
}

const ANNOUNCED_COMMIT = "the read cache's announcement with COMMIT";

/** A platform on a counting database; its outbox worker and its delivery backlog checks are
 * stopped, so the store hears from the requests alone. */
async function countingPlatform(t: TestContext, engine: Engine): Promise<{ p: TestPlatform; db: CountingDatabase }> {
  const db = new CountingDatabase(await withDatabase(t, engine));
  const p = await startTestPlatform(t, { database: db });
  await p.running.worker.stop();
  await p.running.pressure.stop();
  return { p, db };
}

async function statementsOf(db: CountingDatabase, request: () => Promise<{ response: Response; error?: unknown }>): Promise<string[]> {
  db.statements = [];
  const { response, error } = await request();
  assert.equal(response.status, 200, JSON.stringify(error));
  return db.statements;
}

const statusRequest = (session: Session, deviceIds: string[]) => ({ UserID: session.userId, Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID } })) });
const opRequest = (session: Session, deviceIds: string[]) => ({
  UserID: session.userId,
  Device: deviceIds.map((deviceID) => ({ DeviceInfo: { deviceID }, DeviceAttr: { onOffStatus: 'True' as const } })),
});

for (const engine of engines) {
  describe(`round trips to the store on ${engine.name}`, { skip: engine.skip }, () => {
    it('7.2.6 with the user\'s AccessToken takes 1 statement, for one device or three: token, user and every device with its binding; none once they are held in the read cache', async (t) => {
      const { p, db } = await countingPlatform(t, engine);
      const alice = await p.login();
      const devices = [await p.addDevice(), await p.addDevice(DeviceTypes.airConditioner), await p.addDevice(DeviceTypes.waterHeater)];
      await p.bind(alice, ...devices);

      for (const named of [devices.slice(0, 1), devices]) {
        const statements = await statementsOf(db, () => alice.client.devices_deviceStatus({ body: statusRequest(alice, named) }));
        assert.deepEqual(statements, ['requests.find'], `${named.length} device(s)`);
      }
      const again = await statementsOf(db, () => alice.client.devices_deviceStatus({ body: statusRequest(alice, devices) }));
      assert.deepEqual(again, [], 'the same request again is answered from memory');
    });

    // The announcement tells the read cache that the transaction's own notifications have arrived (src/store/read-cache.ts).
    it('7.2.7 alone takes 4 round trips, for one device or three: BEGIN, the lookup that locks the devices, the write of their states and reports, COMMIT with the read cache\'s announcement', async (t) => {
      const { p, db } = await countingPlatform(t, engine);
      const alice = await p.login();
      const devices = [await p.addDevice(), await p.addDevice(), await p.addDevice(DeviceTypes.airConditioner), await p.addDevice(DeviceTypes.waterHeater)];
      await p.bind(alice, ...devices);

      const one = await statementsOf(db, () => alice.client.devices_op({ body: opRequest(alice, devices.slice(0, 1)) }));
      assert.deepEqual(one, ['BEGIN', 'requests.findForChange', 'devices.record', ANNOUNCED_COMMIT]);
      const three = await statementsOf(db, () => alice.client.devices_op({ body: opRequest(alice, devices.slice(1)) }));
      assert.deepEqual(three, ['BEGIN', 'requests.findForChange', 'devices.record', ANNOUNCED_COMMIT]);

      // The write did write: a report per command, to the user's partner.
      const reports = await outboxRows(p.db, devices);
      assert.deepEqual(reports.map((r) => [r.deviceId, r.platId]), devices.map((d) => [d, p.partner.platId]));
    });

    // Not on PGlite: it runs in this thread, so a transaction never lets this process read the
    // other requests; they share one only when they are read in the same turn of the event loop,
    // which a client in the same process cannot arrange.
    it('7.2.7 requests sent together share transactions: 20 at once take fewer than 20 BEGINs, each a lookup and a write for its whole group, and its COMMIT with an announcement', { skip: engine.name === 'pglite' && 'PGlite reads no request while a transaction runs' }, async (t) => {
      const { p, db } = await countingPlatform(t, engine);
      const alice = await p.login();
      const devices: string[] = [];
      for (let i = 0; i < 20; i++) devices.push(await p.addDevice(DeviceTypes.refrigerator));
      await p.bind(alice, ...devices);

      db.statements = [];
      const replies = await Promise.all(devices.map((d) => alice.client.devices_op({ body: { UserID: alice.userId, Device: [{ DeviceInfo: { deviceID: d }, DeviceAttr: { quickFreeze: 'True' } }] } })));
      for (const { response, error } of replies) assert.equal(response.status, 200, JSON.stringify(error));
      const transactions = db.statements.filter((s) => s === 'BEGIN').length;
      assert.ok(transactions < devices.length, `${transactions} transactions for ${devices.length} operations`);
      assert.deepEqual(db.statements, Array.from({ length: transactions }, () => ['BEGIN', 'requests.findForChange', 'devices.record', ANNOUNCED_COMMIT]).flat());
      assert.equal((await outboxRows(p.db, devices)).length, devices.length);
    });
  });
}
