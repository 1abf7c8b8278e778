// 7.2.7 operations committed in groups, on each engine: concurrent operations share one
// transaction, each keeps its own outcome (all or nothing per operation, its own RetCode), those
// naming one device apply in arrival order, and a failed transaction fails each of its operations.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { initialAttributes } from '../../src/domain/capabilities.ts';
import { MAX_OPERATION_GROUP, Devices } from '../../src/domain/devices.ts';
import { InteropError, RetCodes, type RetCode } from '../../src/domain/errors.ts';
import type { Partner, Repositories, Store, UserRecord } from '../../src/domain/model.ts';
import { hashToken } from '../../src/domain/tokens.ts';
import { StoreUnavailableError } from '../../src/store/database.ts';
import { createStore } from '../../src/store/repositories.ts';
import { engines, withDatabase, type Engine } from '../support/database.ts';
import { DeviceTypes } from '../support/examples.ts';
import { outboxRows } from '../support/outbox.ts';

const partner: Partner = { platId: 'MB-JDAPP-0000', appId: '17592186044420', verifyUrl: 'http://127.0.0.1:9/v1/user/verify', dataGatewayUrl: 'http://127.0.0.1:9/v1/dataservices/dataGateway' };

/**
 * A store that records, for each transaction, how many requests its lookup named, and can hold
 * the next transaction until released, or fail the write of a given transaction.
 */
class ObservedStore {
  /** The number of requests each transaction's lookup named, one entry per transaction. */
  readonly lookups: number[] = [];
  /** Makes the write of the transaction of this ordinal (from 1) fail with this error. */
  readonly failWrite = new Map<number, Error>();
  readonly store: Store;
  #hold: { started: () => void; released: Promise<void> } | undefined;

  constructor(inner: Store) {
    this.store = {
      ...inner,
      transaction: async (fn) => {
        const hold = this.#hold;
        this.#hold = undefined;
        hold?.started();
        await hold?.released;
        return inner.transaction((repos) => fn(this.#observed(repos)));
      },
    };
  }

  /** Holds the next transaction, once it has started, until released. */
  holdNext(): { started: Promise<void>; release: () => void } {
    let started!: () => void;
    let release!: () => void;
    const hold = { started: new Promise<void>((resolve) => (started = resolve)), release: () => release() };
    this.#hold = { started, released: new Promise((resolve) => (release = resolve)) };
    return hold;
  }

  #observed(repos: Repositories): Repositories {
    const lookups = this.lookups;
    lookups.push(0);
    const failure = this.failWrite.get(lookups.length);
    return {
      ...repos,
      requests: {
        ...repos.requests,
        findForChange: (requests) => {
          lookups[lookups.length - 1] = requests.length;
          return repos.requests.findForChange(requests);
        },
      },
      devices: {
        ...repos.devices,
        record: (states, reports) => (failure ? Promise.reject(failure) : repos.devices.record(states, reports)),
      },
    };
  }
}

interface Fixture {
  observed: ObservedStore;
  devices: Devices;
  store: Store;
  db: Awaited<ReturnType<typeof withDatabase>>;
  /** A user of the partner with an AccessToken, and a device of each type given bound to them. */
  user(...deviceTypes: string[]): Promise<{ user: UserRecord; accessToken: string; deviceIds: string[] }>;
  /** The attributes of a device as stored. */
  attrs(deviceId: string): Promise<Record<string, string> | undefined>;
}

let serial = 0;

async function fixture(t: TestContext, engine: Engine): Promise<Fixture> {
  const db = await withDatabase(t, engine);
  const store = createStore(db);
  const observed = new ObservedStore(store);
  return {
    observed,
    store,
    db,
    devices: new Devices({ store: observed.store }),
    async user(...deviceTypes) {
      serial += 1;
      const user: UserRecord = { userId: `9${String(serial).padStart(17, '0')}`, platId: partner.platId, loginId: `group-${serial}`, loginName: null, email: null, mobile: null, status: '0', profile: {} };
      await store.users.insert(user);
      const accessToken = `token-${serial}`;
      await store.tokens.insert(hashToken(accessToken), { userId: user.userId, platId: partner.platId, expiresAt: new Date(Date.now() + 3_600_000) });
      const deviceIds: string[] = [];
      for (const [i, deviceType] of deviceTypes.entries()) {
        const deviceId = `G${String(serial).padStart(5, '0')}D${i}`;
        await store.devices.seed({ deviceId, udeviceId: null, deviceType, model: null, manufacturer: null, brand: null, accessWay: null, attrs: initialAttributes(deviceType), online: true });
        await store.bindings.bind(user.userId, deviceId);
        deviceIds.push(deviceId);
      }
      return { user, accessToken, deviceIds };
    },
    async attrs(deviceId) {
      return (await store.devices.resolve(deviceId))?.attrs;
    },
  };
}

/** Rejects with an InteropError of this RetCode. */
const refusedWith = (retCode: RetCode) => (error: unknown) => error instanceof InteropError && error.retCode === retCode;

for (const engine of engines) {
  describe(`7.2.7 operations by group commit on ${engine.name}`, { skip: engine.skip }, () => {
    it('operations that arrive together commit together, and so do those that arrive while that group is in flight: 6 operations, 2 transactions', async (t) => {
      const f = await fixture(t, engine);
      const alice = await f.user(...Array.from({ length: 6 }, () => DeviceTypes.refrigerator));
      const op = (deviceId: string) => f.devices.operateAs(partner, alice.user.userId, alice.accessToken, [{ deviceId, attrs: { quickFreeze: 'True' } }]);
      const hold = f.observed.holdNext();
      const together = alice.deviceIds.slice(0, 2).map(op);
      await hold.started;
      const whileInFlight = alice.deviceIds.slice(2).map(op);
      hold.release();
      await Promise.all([...together, ...whileInFlight]);
      assert.deepEqual(f.observed.lookups, [2, 4]);
      for (const deviceId of alice.deviceIds) assert.equal((await f.attrs(deviceId))?.quickFreeze, 'True');
      assert.equal((await outboxRows(f.db, alice.deviceIds)).length, 6);
    });

    it(`a group holds at most ${MAX_OPERATION_GROUP} operations`, async (t) => {
      const f = await fixture(t, engine);
      const alice = await f.user(DeviceTypes.refrigerator);
      const count = MAX_OPERATION_GROUP + 6;
      const ops = Array.from({ length: count }, (_, i) => f.devices.operate(alice.user, [{ deviceId: alice.deviceIds[0]!, attrs: { quickFreeze: i % 2 === 0 ? 'True' : 'False' } }]));
      await Promise.all(ops);
      assert.deepEqual(f.observed.lookups, [MAX_OPERATION_GROUP, 6]);
      assert.equal((await outboxRows(f.db, alice.deviceIds)).length, count);
    });

    it('refused operations amid valid ones get their own RetCode; the valid ones commit, in the same transaction', async (t) => {
      const f = await fixture(t, engine);
      const alice = await f.user(DeviceTypes.washingMachine, DeviceTypes.airConditioner, DeviceTypes.refrigerator);
      const bob = await f.user();
      const [washer, conditioner, fridge] = alice.deviceIds as [string, string, string];
      const as = (who: typeof alice, accessToken: string, commands: { deviceId: string; attrs: Record<string, string> }[]) => f.devices.operateAs(partner, who.user.userId, accessToken, commands);
      const outcomes = Promise.allSettled([
        as(alice, alice.accessToken, [{ deviceId: washer, attrs: { onOffStatus: 'True' } }]),
        // A valid command beside an invalid one: neither applies.
        as(alice, alice.accessToken, [{ deviceId: fridge, attrs: { quickFreeze: 'True' } }, { deviceId: conditioner, attrs: { targetTemperature: '99' } }]),
        as(alice, bob.accessToken, [{ deviceId: fridge, attrs: { quickFreeze: 'True' } }]),
        as(bob, bob.accessToken, [{ deviceId: conditioner, attrs: { onOffStatus: 'True' } }]),
        as(alice, alice.accessToken, [{ deviceId: 'NO-SUCH-DEVICE', attrs: { onOffStatus: 'True' } }]),
        as(alice, alice.accessToken, [{ deviceId: conditioner, attrs: { onOffStatus: 'True' } }]),
      ]);
      const [washerOn, mixed, foreignToken, notBound, unknown, conditionerOn] = await outcomes;
      assert.equal(washerOn.status, 'fulfilled');
      assert.equal(conditionerOn.status, 'fulfilled');
      for (const [outcome, retCode] of [[mixed, RetCodes.BusinessFailure], [foreignToken, RetCodes.TokenInvalid], [notBound, RetCodes.DeviceNotBound], [unknown, RetCodes.UnknownDevice]] as const) {
        assert.equal(outcome.status, 'rejected');
        assert.ok(refusedWith(retCode)(outcome.reason), `${retCode}: ${String(outcome.reason)}`);
      }
      assert.deepEqual(f.observed.lookups, [6]);
      assert.equal((await f.attrs(washer))?.onOffStatus, 'True');
      assert.equal((await f.attrs(conditioner))?.onOffStatus, 'True');
      assert.equal((await f.attrs(conditioner))?.targetTemperature, initialAttributes(DeviceTypes.airConditioner).targetTemperature);
      assert.equal((await f.attrs(fridge))?.quickFreeze, 'False');
      assert.deepEqual((await outboxRows(f.db, alice.deviceIds)).map((r) => r.deviceId), [washer, conditioner]);
    });

    it('operations of one group on one device apply in arrival order, each on the state the one before left, with their reports in that order', async (t) => {
      const f = await fixture(t, engine);
      const alice = await f.user(DeviceTypes.washingMachine);
      const [washer] = alice.deviceIds as [string];
      const op = (attrs: Record<string, string>) => f.devices.operate(alice.user, [{ deviceId: washer, attrs }]);
      const outcomes = Promise.allSettled([
        op({ onOffStatus: 'True' }),
        // Refused on the washer as it is stored (off); accepted on the state the operation before left.
        op({ laundryCycle: '5' }),
        op({ laundryCycle: '9' }),
        op({ onOffStatus: 'False' }),
        op({ laundryCycle: '2' }),
      ]);
      assert.deepEqual((await outcomes).map((o) => o.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
      assert.deepEqual(f.observed.lookups, [5]);
      // Switching off cancels the cycle the second operation started.
      assert.deepEqual(await f.attrs(washer), { onOffStatus: 'False', laundryCycle: '5', runningstatus: '0', doorLockStatus: 'False', onLine: 'True' });
      const reports = await outboxRows(f.db, [washer]);
      assert.deepEqual(reports.map((r) => r.payload.DeviceStatus), [
        { onOffStatus: 'True' },
        { laundryCycle: '5', runningstatus: '1', doorLockStatus: 'True' },
        { onOffStatus: 'False', runningstatus: '0', doorLockStatus: 'False' },
      ]);
    });

    it('a group, a 7.2.5 change and a simulation step naming the same devices in other orders queue behind a locked device and all commit, without deadlock', { skip: engine.name === 'pglite' && 'PGlite runs one transaction at a time' }, async (t) => {
      const f = await fixture(t, engine);
      const alice = await f.user(DeviceTypes.washingMachine, DeviceTypes.washingMachine, DeviceTypes.washingMachine);
      const [a, b, c] = alice.deviceIds as [string, string, string];
      // Washers in a cycle, so that the simulation step locks and writes them.
      await f.devices.operate(alice.user, [a, b, c].map((deviceId) => ({ deviceId, attrs: { onOffStatus: 'True' } })));
      await f.devices.operate(alice.user, [a, b, c].map((deviceId) => ({ deviceId, attrs: { laundryCycle: '1' } })));

      // The middle device held, each of the three takes what it can and waits for it; locking in
      // any order but device_id's would have two of them each hold what the other waits for.
      let unblock!: () => void;
      const blocked = new Promise<void>((resolve) => (unblock = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const blocker = f.db.transaction(async (tx) => {
        await tx.query('SELECT 1 FROM devices WHERE device_id = $1 FOR UPDATE', [b]);
        locked();
        await blocked;
      });
      await lockTaken;
      const changes = Promise.allSettled([
        f.devices.operate(alice.user, [c, a].map((deviceId) => ({ deviceId, attrs: { onOffStatus: 'False' } }))),
        f.devices.operate(alice.user, [{ deviceId: b, attrs: { onOffStatus: 'False' } }]),
        f.devices.modify(alice.user, [c, b, a].map((deviceId) => ({ deviceId, fields: { model: 'changed' } }))),
        f.devices.tick(),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      unblock();
      await blocker;
      for (const outcome of await changes) assert.equal(outcome.status, 'fulfilled', outcome.status === 'rejected' ? String(outcome.reason) : '');
      for (const deviceId of [a, b, c]) assert.equal((await f.store.devices.resolve(deviceId))?.model, 'changed');
    });

    it('a group whose transaction fails fails each of its operations with that error, and writes nothing; the next group commits', async (t) => {
      const f = await fixture(t, engine);
      const alice = await f.user(DeviceTypes.refrigerator, DeviceTypes.refrigerator);
      const [b, c] = alice.deviceIds as [string, string];
      const failure = new StoreUnavailableError('the store is unavailable: test');
      f.observed.failWrite.set(1, failure);
      const failed = [b, c].map((deviceId) => assert.rejects(f.devices.operate(alice.user, [{ deviceId, attrs: { quickFreeze: 'True' } }]), (error) => error === failure));
      await Promise.all(failed);
      assert.deepEqual(f.observed.lookups, [2]);
      assert.equal((await f.attrs(b))?.quickFreeze, 'False');
      assert.equal((await outboxRows(f.db, [b, c])).length, 0);
      await f.devices.operate(alice.user, [{ deviceId: b, attrs: { quickFreeze: 'True' } }]);
      assert.equal((await f.attrs(b))?.quickFreeze, 'True');
    });
  });
}
