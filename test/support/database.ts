// A fresh migrated database per test, on each engine: PGlite always, PostgreSQL when reachable.
//
//   for (const engine of engines) {
//     describe(`users on ${engine.name}`, { skip: engine.skip }, () => {
//       test('7.1.1 …', async (t) => {
//         const db = await withDatabase(t, engine);
//         …
//       });
//     });
//   }
//
// PGlite: every database is opened from one migrated snapshot, built once per set of migration
// files and kept under node_modules/.cache/cloud-interop/. PostgreSQL (DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/test): every database is a schema of its own, so tests may
// run concurrently. Unreachable, its tests are skipped, or fail when REQUIRE_POSTGRES=1.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { openDatabase, type Database, type OpenOptions } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { buildPGliteSnapshot, pgliteSnapshotKey } from '../../src/store/snapshot.ts';
import type { TestPlatformOptions } from './test-config.ts';

export interface Engine {
  readonly name: Database['engine'];
  /** Why this engine's tests are skipped, or false; pass it as the `skip` option of a test or suite. */
  readonly skip: string | false;
}

export const postgresUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const postgresProblem = await reachPostgres();

export const pglite: Engine = { name: 'pglite', skip: false };
export const postgres: Engine = {
  name: 'postgres',
  skip:
    postgresProblem === undefined || process.env.REQUIRE_POSTGRES === '1'
      ? false
      : `PostgreSQL tests skipped: ${postgresProblem}. Set DATABASE_URL to a reachable server, or REQUIRE_POSTGRES=1 to fail instead`,
};
export const engines: readonly Engine[] = [pglite, postgres];

/** A migrated database of its own for this test, closed (and on PostgreSQL dropped) after it and
 * after every cleanup the test registers later, so those may still use it. */
export async function withDatabase(t: TestContext, engine: Engine | Engine['name'] = 'pglite'): Promise<Database> {
  const name = typeof engine === 'string' ? engine : engine.name;
  if (name === 'pglite') {
    const db = await openDatabase({ snapshot: await migratedPGliteSnapshot() });
    cleanUpLast(t, () => db.close());
    return db;
  }
  const { db } = await withPostgresSchema(t);
  await migrate(db);
  return db;
}

/** An empty schema of its own on the PostgreSQL server, with the URL that opens more connections
 * to it (for tests of several processes) and one database opened with it, not migrated. */
export async function withPostgresSchema(t: TestContext): Promise<{ url: string; db: Database }> {
  if (postgresProblem !== undefined) {
    const why = process.env.REQUIRE_POSTGRES === '1' ? 'REQUIRE_POSTGRES=1' : 'skip this test with { skip: postgres.skip }';
    throw new Error(`PostgreSQL is unreachable (${why}): ${postgresProblem}`);
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = withSearchPath(postgresUrl, schema);
  const db = await openDatabase({ url, poolSize: 4 });
  cleanUpLast(t, async () => {
    try {
      await db.query(`drop schema ${schema} cascade`);
    } finally {
      await db.close();
    }
  });
  await db.query(`create schema ${schema}`);
  return { url, db };
}

/** A new empty directory, removed after the test: give it as `dataDir` with
 * `snapshot: await migratedPGliteSnapshot()` for a migrated database on disk in about a second. */
export async function temporaryDirectory(t: TestContext): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'cloud-interop-test-'));
  cleanUpLast(t, () => rm(directory, { recursive: true, force: true }));
  return directory;
}

/** What a test platform opens for `choice` (TestPlatformOptions.database); `opened` is a database
 * opened here that the caller closes after the platform (the platform closes the others). */
export async function platformDatabase(t: TestContext, choice: NonNullable<TestPlatformOptions['database']>): Promise<{ database: OpenOptions | Database; opened?: Database }> {
  if (choice === 'pglite') {
    const opened = await openDatabase({ snapshot: await migratedPGliteSnapshot() });
    return { database: opened, opened };
  }
  // A schema of its own, dropped after the test; the platform migrates it and closes its pool.
  if (choice === 'postgres') return { database: { url: (await withPostgresSchema(t)).url, poolSize: 4 } };
  if ('dataDir' in choice) return { database: { dataDir: choice.dataDir, snapshot: await migratedPGliteSnapshot() } };
  if ('url' in choice) return { database: { url: choice.url, poolSize: 4 } };
  return { database: choice };
}

/** node:test runs a test's `after` hooks in the order they were added, and one added while they
 * run goes to the end: so the database outlives the cleanups of whatever was built on it. */
function cleanUpLast(t: TestContext, cleanUp: () => Promise<void>): void {
  t.after(() => {
    t.after(cleanUp);
  });
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', `${options ? `${options} ` : ''}-c search_path=${schema}`);
  return parsed.toString();
}

async function reachPostgres(): Promise<string | undefined> {
  try {
    const db = await openDatabase({ url: postgresUrl, poolSize: 1 });
    await db.close();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

let snapshot: Promise<Uint8Array> | undefined;

/** The migrated data dir as a tarball: built once per process, and once per set of migrations
 * across runs (initdb takes ~4 s). */
export function migratedPGliteSnapshot(): Promise<Uint8Array> {
  snapshot ??= cachedSnapshot();
  return snapshot;
}

const cacheDirectory = fileURLToPath(new URL('../../node_modules/.cache/cloud-interop/', import.meta.url));

async function cachedSnapshot(): Promise<Uint8Array> {
  const name = `pglite-${await pgliteSnapshotKey()}.tar.gz`;
  const file = path.join(cacheDirectory, name);
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const built = await buildPGliteSnapshot();
  await mkdir(cacheDirectory, { recursive: true });
  // Test files run in parallel processes that may all build it: each writes its own file and
  // renames it into place, so no one reads a half-written snapshot.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, built);
  await rename(temporary, file);
  for (const other of await readdir(cacheDirectory)) {
    if (other.startsWith('pglite-') && other.endsWith('.tar.gz') && other !== name) {
      await rm(path.join(cacheDirectory, other), { force: true });
    }
  }
  return built;
}
