// A migrated PGlite data dir as a gzip tarball. Opening a database from it (`snapshot` option)
// takes under a second, where initdb plus the migrations take about four: tests open one per test.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { migrate, readMigrations } from './migrate.ts';
import { openPGlite } from './pglite.ts';

export async function buildPGliteSnapshot(): Promise<Uint8Array> {
  const db = await openPGlite({ onBackgroundError: (error) => process.emitWarning(error) });
  try {
    await migrate(db);
    return await db.dumpDataDir();
  } finally {
    await db.close();
  }
}

/** Changes whenever a snapshot built now would differ: another migration or another PGlite
 * (whose data dir format follows its PostgreSQL version). */
export async function pgliteSnapshotKey(): Promise<string> {
  const hash = createHash('sha256');
  const pglitePackage = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'));
  hash.update(JSON.parse(await readFile(pglitePackage, 'utf8')).version);
  for (const migration of await readMigrations()) hash.update(`\0${migration.version}\0${migration.sql}`);
  return hash.digest('hex').slice(0, 16);
}
