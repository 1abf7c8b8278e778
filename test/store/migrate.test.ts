// Migrations: numbered SQL files applied once each, in order, loudly when one fails.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate, readMigrations } from '../../src/store/migrate.ts';
import { engines, postgres, temporaryDirectory, withDatabase, withPostgresSchema } from '../support/database.ts';

async function migrationsDirectory(t: TestContext, files: Record<string, string>): Promise<string> {
  const directory = await temporaryDirectory(t);
  for (const [name, sql] of Object.entries(files)) await writeFile(path.join(directory, name), sql);
  return directory;
}

async function versions(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ version: string }>('select version from schema_migrations order by version');
  return rows.map((row) => row.version);
}

async function tableExists(db: Database, table: string): Promise<boolean> {
  const { rows } = await db.query<{ found: string | null }>('select to_regclass($1)::text as found', [table]);
  return rows[0]?.found !== null;
}

for (const engine of engines) {
  describe(`migrations on ${engine.name}`, { skip: engine.skip }, () => {
    test('records every migration file, and applies none a second time', async (t) => {
      const db = await withDatabase(t, engine);
      assert.deepEqual(await migrate(db), { applied: [] });
      assert.deepEqual(await versions(db), (await readMigrations()).map((migration) => migration.version));
    });

    test('applies new files in the order of their numbers, once', async (t) => {
      const db = await withDatabase(t, engine);
      const directory = await migrationsDirectory(t, {
        '002_fill.sql': `alter table m_items add column name text;\ninsert into m_items values (1, 'one');`,
        '001_create.sql': 'create table m_items (id int primary key);',
        'README.md': 'not a migration',
      });
      assert.deepEqual(await migrate(db, { directory }), { applied: ['001_create', '002_fill'] });
      assert.deepEqual(await migrate(db, { directory }), { applied: [] });
      assert.deepEqual((await db.query('select id, name from m_items')).rows, [{ id: 1, name: 'one' }]);
    });

    const broken = [
      { problem: 'a missing table', sql: 'create table m_partial (id int);\n\ninsert into m_nowhere values (1);\n', line: 3, message: /relation "m_nowhere" does not exist \(SQLSTATE 42P01\)/ },
      { problem: 'a syntax error', sql: 'create table m_partial (id int);\nselec 1;\n', line: 2, message: /syntax error at or near "selec" \(SQLSTATE 42601\)/ },
    ];
    for (const { problem, sql, line, message } of broken) {
      test(`stops at a migration with ${problem}, naming its file and line, and keeps nothing of it`, async (t) => {
        const db = await withDatabase(t, engine);
        const directory = await migrationsDirectory(t, {
          '001_ok.sql': 'create table m_ok (id int);',
          '002_broken.sql': sql,
          '003_later.sql': 'create table m_later (id int);',
        });
        await assert.rejects(migrate(db, { directory }), (error: Error) => {
          assert.ok(error.message.startsWith(`Migration ${path.join(directory, '002_broken.sql')} failed at line ${line}: `), error.message);
          assert.match(error.message, message);
          return true;
        });
        assert.equal(await tableExists(db, 'm_ok'), true);
        assert.equal(await tableExists(db, 'm_partial'), false);
        assert.equal(await tableExists(db, 'm_later'), false);
        const recorded = await versions(db);
        assert.ok(recorded.includes('001_ok'));
        assert.ok(!recorded.includes('002_broken') && !recorded.includes('003_later'));
      });
    }
  });
}

describe('migration files', () => {
  test('must be named NNN_name.sql', async (t) => {
    for (const name of ['1_init.sql', '001-init.sql', '001_Init.sql', 'init.sql']) {
      const directory = await migrationsDirectory(t, { [name]: 'select 1;' });
      await assert.rejects(readMigrations(directory), new RegExp(`${name.replace('.', '\\.')} is not named NNN_name\\.sql`));
    }
  });

  test('must not share a number', async (t) => {
    const directory = await migrationsDirectory(t, { '001_a.sql': 'select 1;', '001_b.sql': 'select 1;' });
    await assert.rejects(readMigrations(directory), /001_a\.sql and 001_b\.sql .* have the same number/);
  });
});

describe('migrations on one PostgreSQL from several processes', { skip: postgres.skip }, () => {
  test('started at once, apply each file exactly once', async (t) => {
    const { url } = await withPostgresSchema(t);
    const directory = await migrationsDirectory(t, {
      '001_slow.sql': 'create table m_slow (id int);\nselect pg_sleep(0.3);',
      '002_next.sql': 'create table m_next (id int);',
    });
    const processes = await Promise.all([openDatabase({ url }), openDatabase({ url })]);
    t.after(() => Promise.all(processes.map((db) => db.close())));
    const results = await Promise.all(processes.map((db) => migrate(db, { directory })));
    assert.deepEqual(results.flatMap((result) => result.applied).sort(), ['001_slow', '002_next']);
    assert.deepEqual(await versions(processes[0]!), ['001_slow', '002_next']);
  });
});
