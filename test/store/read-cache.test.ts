// The read cache (src/store/read-cache.ts) under the store: reads held in memory cost no round
// trip; every change, made here or by another instance, is seen at once or as soon as the store
// announces it; a read that raced a change keeps nothing; memory stays bounded; a lost LISTEN
// connection empties the cache and bypasses it.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NamedDevice, NamedRecords, RequestNames } from '../../src/domain/model.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { ReadCache } from '../../src/store/read-cache.ts';
import { createStore, repositories } from '../../src/store/repositories.ts';
import { engines, postgres, postgresUrl, withDatabase, withPostgresSchema } from '../support/database.ts';
import { eventually } from '../support/eventually.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

const USER = '100000000000000001';
const TOKEN = 'a'.repeat(64);

/** The database, counting the statements run outside transactions. */
function counting(db: Database): { db: Database; statements: () => number } {
  let statements = 0;
  const counted: Database = {
    get engine() {
      return db.engine;
    },
    query: (sql, params, options) => {
      statements += 1;
      return db.query(sql, params, options);
    },
    exec: (script) => db.exec(script),
    transaction: (fn) => db.transaction(fn),
    listen: (channel, onNotify, onSubscription) => db.listen(channel, onNotify, onSubscription),
    close: () => db.close(),
  };
  return { db: counted, statements: () => statements };
}

/** A user with a token and `count` devices (D0, D1…; D0 also as UDeviceID U0), the first bound. */
async function seed(db: Database, count = 1): Promise<void> {
  const repos = repositories(db);
  await repos.users.insert({ userId: USER, platId: 'P1', loginId: 'alice', loginName: null, email: null, mobile: null, status: '0', profile: {} });
  await repos.tokens.insert(TOKEN, { userId: USER, platId: 'P1', expiresAt: new Date(Date.now() + 3_600_000) });
  for (let i = 0; i < count; i += 1) {
    await repos.devices.seed({ deviceId: `D${i}`, udeviceId: i === 0 ? 'U0' : null, deviceType: '01003001', model: null, manufacturer: null, brand: null, accessWay: null, attrs: { power: '0' }, online: true });
  }
  await repos.bindings.bind(USER, 'D0');
}

const names = (...deviceIds: string[]): RequestNames => ({ userId: USER, tokenHash: TOKEN, deviceIds });
const summary = (found: NamedRecords<NamedDevice>) => ({
  user: found.user?.userId,
  token: found.token?.userId,
  devices: found.devices.map((d) => d && { id: d.device.deviceId, power: d.device.attrs.power, bound: d.bound }),
});

async function cached(t: TestContext, db: Database, maxEntries = 100) {
  const cache = await ReadCache.open(db, { maxEntries });
  t.after(() => cache.close());
  return cache;
}

for (const engine of engines) {
  describe(`the read cache on ${engine.name}`, { skip: engine.skip }, () => {
    test('a read held in memory makes no store round trip, and a change through the store is seen by the next read', async (t) => {
      const raw = await withDatabase(t, engine);
      await seed(raw);
      const { db, statements } = counting(raw);
      const store = createStore(db, await cached(t, db));

      assert.deepEqual(summary(await store.requests.find(names('D0'))), { user: USER, token: USER, devices: [{ id: 'D0', power: '0', bound: true }] });
      const loaded = statements();
      assert.equal(loaded, 1, 'the first read loads');
      // By deviceID and by UDeviceID, with the token's own lookup: all from memory.
      assert.deepEqual(summary(await store.requests.find(names('U0'))), { user: USER, token: USER, devices: [{ id: 'D0', power: '0', bound: true }] });
      assert.equal((await store.tokens.findWithUser(TOKEN))?.user?.loginId, 'alice');
      assert.equal((await store.users.find(USER))?.loginId, 'alice');
      assert.equal(statements(), loaded, 'no more round trips');

      await store.transaction((repos) => repos.devices.record([{ deviceId: 'D0', attrs: { power: '1' }, online: true }], []));
      assert.deepEqual(summary(await store.requests.find(names('D0'))).devices, [{ id: 'D0', power: '1', bound: true }]);
      await store.transaction((repos) => repos.bindings.unbind(USER, 'D0'));
      assert.deepEqual(summary(await store.requests.find(names('D0'))).devices, [{ id: 'D0', power: '1', bound: false }]);
      await store.transaction((repos) => repos.tokens.delete(TOKEN));
      assert.equal(summary(await store.requests.find(names('D0'))).token, undefined, 'a deleted token is gone at once');
      assert.equal(await store.tokens.findWithUser(TOKEN), undefined);
      await store.transaction((repos) => repos.users.delete(USER));
      assert.equal(await store.users.find(USER), undefined, 'an unregistered user is gone at once');
    });

    test('a change made by another writer is seen as soon as the store announces it', async (t) => {
      const raw = await withDatabase(t, engine);
      await seed(raw);
      const store = createStore(raw, await cached(t, raw));
      await store.requests.find(names('D0'));
      // Another instance's write: straight to the database, not through this store.
      await raw.query(`UPDATE devices SET attrs = '{"power":"2"}' WHERE device_id = 'D0'`);
      const started = performance.now();
      await eventually('the other writer\'s change', async () => summary(await store.requests.find(names('D0'))).devices[0]?.power === '2', 1_000);
      t.diagnostic(`seen after ${(performance.now() - started).toFixed(1)} ms`);
      await raw.query('DELETE FROM access_tokens WHERE token_hash = $1', [TOKEN]);
      await eventually('the other writer\'s logout', async () => (await store.tokens.findWithUser(TOKEN)) === undefined, 1_000);
    });

    test('a read that raced a change keeps nothing of what it read', async (t) => {
      const raw = await withDatabase(t, engine);
      await seed(raw);
      const cache = await cached(t, raw);
      const store = createStore(raw, cache);
      const plain = repositories(raw);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      // The read finds power 0, then the change commits and is announced, then the read returns.
      const racing = cache.find(names('D0'), async (n) => {
        const found = await plain.requests.find(n);
        await gate;
        return found;
      });
      await store.transaction((repos) => repos.devices.record([{ deviceId: 'D0', attrs: { power: '3' }, online: true }], []));
      release();
      assert.equal(summary(await racing).devices[0]?.power, '0', 'the racing read answers what it read');
      assert.equal(summary(await store.requests.find(names('D0'))).devices[0]?.power, '3', 'but the cache did not keep it');
    });

    test('memory stays bounded: the least recently used entries are forgotten', async (t) => {
      const raw = await withDatabase(t, engine);
      await seed(raw, 6);
      const cache = await cached(t, raw, 2);
      const store = createStore(raw, cache);
      for (let i = 0; i < 6; i += 1) await store.requests.find(names(`D${i}`));
      assert.deepEqual(cache.sizes, { users: 1, tokens: 1, devices: 2 });
      const found = await store.requests.find(names('D5', 'D4'));
      assert.deepEqual(summary(found).devices, [{ id: 'D5', power: '0', bound: false }, { id: 'D4', power: '0', bound: false }]);
    });
  });
}

test('a lost LISTEN connection empties the cache and bypasses it until it listens again', { skip: postgres.skip }, async (t) => {
  const { url, db: setup } = await withPostgresSchema(t);
  await migrate(setup);
  await seed(setup);
  const server = new URL(postgresUrl);
  const proxy = await startTcpProxy(t, { host: server.hostname, port: Number(server.port || 5432) });
  const viaProxy = await openDatabase({ url: proxy.rewrite(url), poolSize: 2, onBackgroundError: () => undefined });
  t.after(() => viaProxy.close());
  const cache = await cached(t, viaProxy);
  const store = createStore(viaProxy, cache);
  await store.requests.find(names('D0'));
  assert.equal(cache.sizes.devices, 1);

  proxy.cut();
  await eventually('the lost LISTEN connection noticed', () => !cache.listening, 5_000);
  assert.deepEqual(cache.sizes, { users: 0, tokens: 0, devices: 0 }, 'emptied');
  // Changed while nobody listened: the announcement is lost.
  await setup.query(`UPDATE devices SET attrs = '{"power":"4"}' WHERE device_id = 'D0'`);
  proxy.restore();
  assert.equal(summary(await store.requests.find(names('D0'))).devices[0]?.power, '4', 'bypassed or emptied: the change is read');
  await eventually('listening again', () => cache.listening, 5_000);
  await store.requests.find(names('D0'));
  await sleep(50);
  assert.equal(cache.sizes.devices, 1, 'serving from memory again');
});
