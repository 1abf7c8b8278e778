// The database seam behaves the same on PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { engines, pglite, postgres, withDatabase, withPostgresSchema } from '../support/database.ts';

const USER = `insert into users (user_id, plat_id, login_id, status) values ($1, 'PARTNER-0000', $1, '0')`;

async function userIds(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ user_id: string }>('select user_id from users order by user_id');
  return rows.map((row) => row.user_id);
}

/** Resolves with the first payload in `received` that `accept` takes, once it is there. */
function nextNotification(received: string[], accept: (payload: string) => boolean, timeoutMs = 5000): Promise<string> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      const found = received.find(accept);
      if (found !== undefined) resolve(found);
      else if (Date.now() - started > timeoutMs) reject(new Error(`no notification within ${timeoutMs} ms; got ${JSON.stringify(received)}`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

for (const engine of engines) {
  describe(`the database seam on ${engine.name}`, { skip: engine.skip }, () => {
    test('reports its engine', async (t) => {
      const db = await withDatabase(t, engine);
      assert.equal(db.engine, engine.name);
    });

    test('returns int8 values, counts and bigserial ids as strings, as pg does', async (t) => {
      const db = await withDatabase(t, engine);
      const { rows } = await db.query(
        `insert into outbox (event_id, plat_id, device_id, data_type, payload)
         values ('e1', 'PARTNER-0000', 'C89346112DD5', 'attr', '{}') returning id`,
      );
      assert.equal(typeof rows[0]?.id, 'string');
      const numbers = await db.query('select 9007199254740993::int8 as big, count(*) as n, 1.5::numeric as exact from outbox');
      assert.deepEqual(numbers.rows, [{ big: '9007199254740993', n: '1', exact: '1.5' }]);
    });

    test('counts the rows a statement changed or returned', async (t) => {
      const db = await withDatabase(t, engine);
      assert.equal((await db.query(USER, ['u1'])).rowCount, 1);
      await db.query(USER, ['u2']);
      assert.equal((await db.query(`update users set status = '1'`)).rowCount, 2);
      assert.equal((await db.query('select * from users')).rowCount, 2);
      assert.equal((await db.query('create table scratch (x int)')).rowCount, 0);
    });

    test('runs one statement per query, several per exec', async (t) => {
      const db = await withDatabase(t, engine);
      await assert.rejects(db.query('select 1; select 2'), /multiple commands|prepared statement/);
      await db.exec(`insert into devices (device_id, device_type) values ('d1', 'washer'); update devices set online = false`);
      assert.deepEqual((await db.query('select online from devices')).rows, [{ online: false }]);
    });

    test('runs a named statement again with new parameters, in and out of transactions; a name stands for one SQL text', async (t) => {
      const db = await withDatabase(t, engine);
      for (const id of ['u1', 'u2']) await db.query(USER, [id], { name: 'test.insertUser' });
      await db.transaction((tx) => tx.query(USER, ['u3'], { name: 'test.insertUser' }));
      assert.deepEqual(await userIds(db), ['u1', 'u2', 'u3']);
      await assert.rejects(db.query('select 1', [], { name: 'test.insertUser' }), /statement name test\.insertUser is already used for another SQL text/);
    });

    test('round-trips jsonb passed as JSON text, arrays and objects alike, and reads timestamptz as Date', async (t) => {
      const db = await withDatabase(t, engine);
      const payload = { DeviceID: 'C89346112DD5', list: [1, '2'], nested: { ok: true } };
      await db.query(
        `insert into outbox (event_id, plat_id, device_id, data_type, payload) values ('e1', 'P', 'd', 'attr', $1)`,
        [JSON.stringify(payload)],
      );
      const { rows } = await db.query<{ payload: unknown; created_at: unknown }>('select payload, created_at from outbox');
      assert.deepEqual(rows[0]?.payload, payload);
      assert.ok(rows[0]?.created_at instanceof Date);
    });

    test('reports SQL errors with their SQLSTATE and constraint, without the parameter values', async (t) => {
      const db = await withDatabase(t, engine);
      await db.query(USER, ['u1']);
      const error = await db.query(USER, ['u1']).then(
        () => assert.fail('a duplicate key was accepted'),
        (caught: unknown) => caught as Record<string, unknown>,
      );
      assert.equal(error.code, '23505');
      assert.equal(error.constraint, 'users_pkey');
      assert.equal(error.params, undefined);
    });

    test('commits a transaction whose function resolves, and returns its result', async (t) => {
      const db = await withDatabase(t, engine);
      const result = await db.transaction(async (tx) => {
        await tx.query(USER, ['u1']);
        await tx.query(USER, ['u2']);
        return 'done';
      });
      assert.equal(result, 'done');
      assert.deepEqual(await userIds(db), ['u1', 'u2']);
    });

    test('rolls back a transaction whose function throws, and rethrows its error', async (t) => {
      const db = await withDatabase(t, engine);
      const failure = new Error('refused halfway');
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query(USER, ['u1']);
          throw failure;
        }),
        (error) => error === failure,
      );
      assert.deepEqual(await userIds(db), []);
    });

    test('does not commit a transaction in which a statement failed, even when its error was caught', async (t) => {
      const db = await withDatabase(t, engine);
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query(USER, ['u1']);
          await tx.query(USER, ['u1']).catch(() => undefined);
        }),
      );
      assert.deepEqual(await userIds(db), []);
    });

    test('runs the statement given to go before COMMIT last, in the transaction, and tells how many rows it returned', async (t) => {
      const db = await withDatabase(t, engine);
      const counts: number[] = [];
      const result = await db.transaction(async (tx) => {
        await tx.query(USER, ['u1']);
        return 'done';
      }, { beforeCommit: { sql: `select user_id from users where user_id = 'u1' for update`, rowCount: (n) => counts.push(n) } });
      assert.equal(result, 'done');
      // It saw the transaction's own insert: it ran inside, after the function.
      assert.deepEqual(counts, [1]);
      assert.deepEqual(await userIds(db), ['u1']);
    });

    test('commits nothing when the statement before COMMIT fails', async (t) => {
      const db = await withDatabase(t, engine);
      await assert.rejects(
        db.transaction((tx) => tx.query(USER, ['u1']), { beforeCommit: { sql: `insert into users (user_id) values ('u2')`, rowCount: () => assert.fail('it ran') } }),
        /null value|not-null/,
      );
      assert.deepEqual(await userIds(db), []);
      // The connection serves the next transaction.
      await db.transaction((tx) => tx.query(USER, ['u3']));
      assert.deepEqual(await userIds(db), ['u3']);
    });

    test('refuses a transaction handle used after its transaction ended', async (t) => {
      const db = await withDatabase(t, engine);
      const kept = await db.transaction(async (tx) => tx);
      await assert.rejects(kept.query(USER, ['u1']), /closed/);
      assert.deepEqual(await userIds(db), []);
    });

    test('refuses the database itself inside its own transaction, where PGlite would wait for ever', async (t) => {
      const db = await withDatabase(t, engine);
      await assert.rejects(
        db.transaction(async () => {
          await db.query('select 1');
        }),
        /inside one of its own transactions: use the transaction's tx/,
      );
      await assert.rejects(db.transaction(() => db.transaction(async () => undefined)), /use the transaction's tx/);
      // Work the transaction left behind runs later, outside it, and may use the database again.
      let later: Promise<unknown> | undefined;
      await db.transaction(async () => {
        later = sleep(10).then(() => db.query('select 1'));
      });
      await later;
    });

    test('delivers a notification after its transaction commits, and not before', async (t) => {
      const db = await withDatabase(t, engine);
      const received: string[] = [];
      const stop = await db.listen('device_changes', (payload) => received.push(payload));
      t.after(stop);
      await db.transaction(async (tx) => {
        await tx.query(`select pg_notify('device_changes', 'C89346112DD5')`);
        await sleep(50);
        assert.deepEqual(received, [], 'delivered before commit');
      });
      await nextNotification(received, (payload) => payload === 'C89346112DD5');
    });

    test('never delivers a notification of a rolled-back transaction', async (t) => {
      const db = await withDatabase(t, engine);
      const received: string[] = [];
      t.after(await db.listen('device_changes', (payload) => received.push(payload)));
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query(`select pg_notify('device_changes', 'rolled back')`);
          throw new Error('roll back');
        }),
      );
      // Notifications arrive in commit order, so once this one is here the other would be too.
      await db.query(`select pg_notify('device_changes', 'committed')`);
      await nextNotification(received, (payload) => payload === 'committed');
      assert.deepEqual(received, ['committed']);
    });

    test('stops delivering to a listener that stopped, and keeps delivering to the others', async (t) => {
      const db = await withDatabase(t, engine);
      const first: string[] = [];
      const second: string[] = [];
      const stopFirst = await db.listen('device_changes', (payload) => first.push(payload));
      t.after(await db.listen('device_changes', (payload) => second.push(payload)));
      await db.query(`select pg_notify('device_changes', 'one')`);
      await nextNotification(first, (payload) => payload === 'one');
      await stopFirst();
      await stopFirst();
      await db.query(`select pg_notify('device_changes', 'two')`);
      await nextNotification(second, (payload) => payload === 'two');
      assert.deepEqual(first, ['one']);
      assert.deepEqual(second, ['one', 'two']);
    });

    test('refuses a channel name that is not a lower-case identifier', async (t) => {
      const db = await withDatabase(t, engine);
      for (const channel of ['DeviceChanges', 'x; drop table users', '', 'a'.repeat(64)]) {
        await assert.rejects(db.listen(channel, () => undefined), /must be a lower-case identifier/, channel);
      }
    });

    test('keeps the database open for cleanups a test registers after withDatabase', async (t) => {
      const db = await withDatabase(t, engine);
      t.after(async () => {
        await db.query(USER, ['still open']);
      });
    });
  });
}

describe('transactions on pglite, a single connection', { skip: pglite.skip }, () => {
  test('run one after another: statements of concurrent transactions never interleave', async (t) => {
    const db = await withDatabase(t, pglite);
    await db.exec('create table steps (seq bigserial primary key, tx int not null, step int not null)');
    const runs = Array.from({ length: 5 }, (_, n) =>
      db.transaction(async (tx) => {
        for (let step = 0; step < 3; step++) {
          await tx.query('insert into steps (tx, step) values ($1, $2)', [n, step]);
          // Yield to the event loop so other transactions could slip in here if nothing prevented it.
          await sleep(2);
        }
      }),
    );
    const outside = db.query('insert into steps (tx, step) values (-1, 0)');
    await Promise.all([...runs, outside]);
    const { rows } = await db.query<{ tx: number; step: number }>('select tx, step from steps order by seq');
    const transactions = rows.filter((row) => row.tx >= 0);
    assert.equal(transactions.length, 15);
    for (let i = 0; i < transactions.length; i += 3) {
      const block = transactions.slice(i, i + 3);
      assert.deepEqual(
        block.map((row) => row.step),
        [0, 1, 2],
        `transaction ${block[0]?.tx} was interleaved: ${JSON.stringify(rows)}`,
      );
      assert.ok(block.every((row) => row.tx === block[0]?.tx), JSON.stringify(rows));
    }
    const outsideAt = rows.findIndex((row) => row.tx === -1);
    assert.equal(outsideAt % 3, 0, `a plain query ran inside a transaction: ${JSON.stringify(rows)}`);
  });

  test('a failed transaction releases the connection for the next one', async (t) => {
    const db = await withDatabase(t, pglite);
    await assert.rejects(db.transaction(() => Promise.reject(new Error('failed'))));
    await db.transaction((tx) => tx.query(USER, ['u1']));
    assert.deepEqual(await userIds(db), ['u1']);
  });
});

describe('listening on postgres', { skip: postgres.skip }, () => {
  test('survives the loss of its connection: reports it, reconnects and listens again', async (t) => {
    const { url } = await withPostgresSchema(t);
    const reported: Error[] = [];
    const db = await openDatabase({ url, onBackgroundError: (error) => reported.push(error) });
    t.after(() => db.close());
    const channel = `lost_${process.pid}_${Date.now()}`;
    const received: string[] = [];
    await db.listen(channel, (payload) => received.push(payload));
    const { rowCount } = await db.query(`select pg_terminate_backend(pid) from pg_stat_activity where query = $1`, [`LISTEN ${channel}`]);
    assert.equal(rowCount, 1, 'the listening connection was not found');
    // Notifications sent while it reconnects are lost; send until one arrives.
    for (let attempt = 0; !received.length && attempt < 100; attempt++) {
      await db.query('select pg_notify($1, $2)', [channel, `after loss ${attempt}`]);
      await sleep(50);
    }
    assert.match(received[0] ?? '', /^after loss/);
    assert.match(reported[0]?.message ?? '', /LISTEN connection to PostgreSQL was lost; reconnecting/);
  });
});

describe('opening a database', () => {
  test('names host:port and the reason when the PostgreSQL server cannot be reached, not the password', async () => {
    await assert.rejects(openDatabase({ url: 'postgres://app:hunter2@127.0.0.1:1/platform' }), (error: Error) => {
      assert.match(error.message, /^Cannot connect to PostgreSQL at 127\.0\.0\.1:1 \(database platform, user app\): .*ECONNREFUSED/);
      assert.doesNotMatch(error.message, /hunter2/);
      return true;
    });
  });

  test('refuses a URL that is not postgres://, without echoing it', async () => {
    for (const url of ['mysql://app:hunter2@db:3306/platform', 'hunter2 is not a URL']) {
      await assert.rejects(openDatabase({ url }), (error: Error) => {
        assert.match(error.message, /expected postgres:\/\/user@host:port\/database/);
        assert.doesNotMatch(error.message, /hunter2/);
        return true;
      });
    }
  });

  test('refuses a PostgreSQL URL together with PGlite options', async () => {
    await assert.rejects(openDatabase({ url: 'postgres://127.0.0.1/x', dataDir: '.data' }), /either url .* or dataDir\/snapshot/);
  });
});

describe('planning on postgres', { skip: postgres.skip }, () => {
  test('prepared statements get generic plans, and the options of the URL (its search_path) still hold', async (t) => {
    const { db } = await withPostgresSchema(t);
    const { rows } = await db.query<{ mode: string; schema: string }>("SELECT current_setting('plan_cache_mode') AS mode, current_schema() AS schema");
    assert.equal(rows[0]?.mode, 'force_generic_plan');
    assert.match(rows[0]?.schema ?? '', /^t_[0-9a-f]{12}$/);
  });
});
