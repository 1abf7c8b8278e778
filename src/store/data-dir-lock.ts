// One process per PGlite data dir: PGlite lets a second process open the same directory without
// any error, and the writes of one of them are silently lost. A lock file holding the owner's pid
// keeps the second process out; a lock left by a process that died is taken over.
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE_NAME = '.cloud-interop.lock';

export interface DataDirLock {
  readonly file: string;
  /** Idempotent; leaves the file alone if another process has taken it over meanwhile. */
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(path.resolve(dataDir), LOCK_FILE_NAME);
  const content = `${process.pid}\n`;
  // Two attempts: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createExclusively(file, content)) {
      return { file, release: () => removeIfUnchanged(file, content) };
    }
    const found = readIfExists(file);
    if (found === undefined) continue;
    const owner = Number(found.trim());
    if (Number.isSafeInteger(owner) && owner > 0 && isRunning(owner)) {
      const who = owner === process.pid ? `this process (${owner})` : `process ${owner}`;
      throw new Error(
        `PGlite data directory ${path.dirname(file)} is in use by ${who}: stop it, or give this one another data directory (database.dataDir in its configuration). ` +
          `(If no such process is running, delete ${file}.)`,
      );
    }
    // Another process taking over the same stale lock at this very moment could remove the lock
    // it has just created; Node offers no flock to close that gap, and both would have to start
    // within microseconds of each other after a crash.
    removeIfUnchanged(file, found);
  }
  throw new Error(`Could not lock PGlite data directory ${path.dirname(file)}: ${file} keeps changing`);
}

/** Writes the whole content before the file appears (link is atomic), so a reader never sees a
 * half-written pid and mistakes it for a stale lock. */
function createExclusively(file: string, content: string): boolean {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temporary, content);
  try {
    fs.linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function removeIfUnchanged(file: string, expected: string): void {
  if (readIfExists(file) === expected) fs.rmSync(file, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
