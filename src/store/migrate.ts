// Brings a database to the current schema: the files migrations/NNN_name.sql run in order, each in
// its own transaction together with its row in schema_migrations, so a file is applied entirely or
// not at all. The SQL must run unchanged on PGlite (PostgreSQL 18) and the server (PostgreSQL 15),
// and must not contain BEGIN/COMMIT or anything that cannot run inside a transaction.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database, type OpenOptions, type Queryable } from './database.ts';

export const migrationsDirectory = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  /** The file name without `.sql`, e.g. `001_init`: the key in schema_migrations. */
  readonly version: string;
  readonly file: string;
  readonly sql: string;
}

export interface MigrateOptions {
  /** Where the NNN_name.sql files are; tests pass their own. */
  directory?: string;
}

const FILE_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;

// Two platform processes starting together against one PostgreSQL must not apply a file twice:
// each migration transaction first takes this lock, which is held until it commits. The key is
// per schema, so tests migrating their own schemas do not wait for each other. PGlite supports
// advisory locks too (a no-op for its single connection), so the same SQL runs on both.
const LOCK = `select pg_advisory_xact_lock(hashtextextended('cloud-interop migrations ' || current_schema(), 0))`;

const CREATE_TABLE = `
  create table if not exists schema_migrations (
    version    text primary key,
    applied_at timestamptz not null default now()
  )`;

export async function readMigrations(directory: string = migrationsDirectory): Promise<Migration[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort();
  const numbers = new Map<string, string>();
  for (const name of names) {
    const number = FILE_NAME.exec(name)?.[1];
    if (number === undefined) {
      throw new Error(`Migration file ${path.join(directory, name)} is not named NNN_name.sql (three digits, then lower-case letters, digits, _)`);
    }
    const other = numbers.get(number);
    if (other !== undefined) throw new Error(`Migrations ${other} and ${name} in ${directory} have the same number`);
    numbers.set(number, name);
  }
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(directory, name);
      return { version: name.slice(0, -'.sql'.length), file, sql: await readFile(file, 'utf8') };
    }),
  );
}

/** Applies the migrations not yet recorded; returns their versions (none when up to date). */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(options.directory);
  await db.transaction(async (tx) => {
    await tx.query(LOCK);
    await tx.exec(CREATE_TABLE);
  });
  const recorded = await db.query<{ version: string }>('select version from schema_migrations');
  const done = new Set(recorded.rows.map((row) => row.version));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    if (await db.transaction((tx) => apply(tx, migration))) applied.push(migration.version);
  }
  return { applied };
}

/** The migrations of `directory` the database has not recorded (readiness: another instance may
 * run an older schema, or the store may be out of reach, which throws). */
export async function pendingMigrations(db: Queryable, options: MigrateOptions = {}): Promise<string[]> {
  const migrations = await readMigrations(options.directory);
  const recorded = await db.query<{ version: string }>('select version from schema_migrations');
  const done = new Set(recorded.rows.map((row) => row.version));
  return migrations.map((m) => m.version).filter((version) => !done.has(version));
}

/** openDatabase, then migrate; the database is closed again if migrating fails. */
export async function openMigratedDatabase(options: OpenOptions, migrateOptions: MigrateOptions = {}): Promise<Database> {
  const db = await openDatabase(options);
  try {
    await migrate(db, migrateOptions);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function apply(tx: Queryable, migration: Migration): Promise<boolean> {
  await tx.query(LOCK);
  // Another process may have applied it while this one waited for the lock.
  const recorded = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
  if (recorded.rowCount > 0) return false;
  try {
    await tx.exec(migration.sql);
  } catch (error) {
    throw new Error(`Migration ${migration.file} failed${where(migration.sql, error)}: ${describe(error)}`, { cause: error });
  }
  await tx.query('insert into schema_migrations (version) values ($1)', [migration.version]);
  return true;
}

interface SqlError {
  message?: string;
  code?: string;
  position?: string;
}

/** " at line N", from the 1-based character offset PostgreSQL gives for syntax and name errors. */
function where(sql: string, error: unknown): string {
  const position = Number((error as SqlError).position);
  if (!Number.isInteger(position) || position < 1) return '';
  return ` at line ${sql.slice(0, position - 1).split('\n').length}`;
}

function describe(error: unknown): string {
  const { message, code } = error as SqlError;
  return code === undefined ? String(message ?? error) : `${message} (SQLSTATE ${code})`;
}
