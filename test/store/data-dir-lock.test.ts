// One process per PGlite data dir: a second would write without error and lose the writes.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openDatabase } from '../../src/store/database.ts';
import { LOCK_FILE_NAME } from '../../src/store/data-dir-lock.ts';
import { migratedPGliteSnapshot, temporaryDirectory } from '../support/database.ts';

const USER = `insert into users (user_id, plat_id, login_id, status) values ('u1', 'PARTNER-0000', 'u1', '0')`;

describe('the PGlite data-dir lock', () => {
  test('refuses a second opener of a data dir in use, naming the holder and what to do', async (t) => {
    const dataDir = await temporaryDirectory(t);
    const first = await openDatabase({ dataDir, snapshot: await migratedPGliteSnapshot() });
    t.after(() => first.close());
    await assert.rejects(
      openDatabase({ dataDir }),
      new RegExp(`in use by this process \\(${process.pid}\\): stop it, or give this one another data directory \\(database.dataDir in its configuration\\)`),
    );
  });

  test('refuses while another running process holds it, naming that process', async (t) => {
    const dataDir = await temporaryDirectory(t);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    t.after(() => holder.kill());
    await writeFile(path.join(dataDir, LOCK_FILE_NAME), `${holder.pid}\n`);
    await assert.rejects(openDatabase({ dataDir }), new RegExp(`in use by process ${holder.pid}: stop it`));
  });

  test('is released on close, and the next opener finds the data', async (t) => {
    const dataDir = await temporaryDirectory(t);
    const lockFile = path.join(dataDir, LOCK_FILE_NAME);
    const first = await openDatabase({ dataDir, snapshot: await migratedPGliteSnapshot() });
    assert.equal(await readFile(lockFile, 'utf8'), `${process.pid}\n`);
    await first.query(USER);
    await first.close();
    assert.equal(existsSync(lockFile), false);
    const second = await openDatabase({ dataDir });
    t.after(() => second.close());
    assert.deepEqual((await second.query('select user_id from users')).rows, [{ user_id: 'u1' }]);
  });

  test('takes over a lock left by a process that has died', async (t) => {
    const dataDir = await temporaryDirectory(t);
    const lockFile = path.join(dataDir, LOCK_FILE_NAME);
    const { pid: dead } = spawnSync(process.execPath, ['-e', '']);
    await writeFile(lockFile, `${dead}\n`);
    const db = await openDatabase({ dataDir, snapshot: await migratedPGliteSnapshot() });
    t.after(() => db.close());
    assert.equal(await readFile(lockFile, 'utf8'), `${process.pid}\n`);
  });
});
