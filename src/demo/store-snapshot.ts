// The migrated PGlite store both demo platforms start from. Building one costs initdb plus the
// migrations (seconds); opening a copy costs well under one. It is kept where the test suite keeps
// its own (node_modules/.cache/cloud-interop/, same name and key), when the working directory has
// a node_modules to hold it; elsewhere it is built for the run and not kept.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPGliteSnapshot, pgliteSnapshotKey } from '../store/snapshot.ts';

export async function demoSnapshot(cwd = process.cwd()): Promise<{ snapshot: Uint8Array; cached: boolean }> {
  if (!existsSync(path.join(cwd, 'node_modules'))) return { snapshot: await buildPGliteSnapshot(), cached: false };
  const directory = path.join(cwd, 'node_modules', '.cache', 'cloud-interop');
  // The key changes with the migrations and the PGlite version: a stale file is never read.
  const file = path.join(directory, `pglite-${await pgliteSnapshotKey()}.tar.gz`);
  try {
    return { snapshot: new Uint8Array(await readFile(file)), cached: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const snapshot = await buildPGliteSnapshot();
  try {
    await mkdir(directory, { recursive: true });
    // Written aside and renamed: a test process reading it never sees half a file.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, snapshot);
    await rename(partial, file);
  } catch {
    // Keeping it is only a speed-up for the next run.
  }
  return { snapshot, cached: false };
}
