// PGlite (PostgreSQL 18 in WebAssembly, in this process) behind the seam. It is one connection:
// PGlite's own mutex runs queries and whole transactions one after another.
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { assertChannelName } from './channel.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import type { Database, Queryable, QueryOptions, TransactionOptions } from './database.ts';
import { assertStatementName } from './statement-names.ts';
import { assertOutsideTransaction, inTransactionScope } from './transaction-scope.ts';

// pg returns int8 as a string; PGlite would return a number, or a BigInt, which JSON.stringify rejects.
const parsers = { [types.INT8]: (value: string) => value };

export interface PGliteDatabase extends Database {
  readonly engine: 'pglite';
  /** The data dir as a gzip tarball, which `snapshot` accepts. */
  dumpDataDir(): Promise<Uint8Array>;
}

export async function openPGlite(options: {
  dataDir?: string;
  snapshot?: Uint8Array | Blob;
  onBackgroundError: (error: Error) => void;
}): Promise<PGliteDatabase> {
  const lock = options.dataDir === undefined ? undefined : lockDataDir(options.dataDir);
  let pglite: PGlite;
  try {
    // PGlite refuses to load a snapshot over an existing database, so it only seeds a new one.
    const existing = options.dataDir !== undefined && holdsDatabase(options.dataDir);
    pglite = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.snapshot === undefined || existing ? undefined : asBlob(options.snapshot),
      parsers,
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  return new PGliteAdapter(pglite, lock, options.onBackgroundError);
}

class PGliteAdapter implements PGliteDatabase {
  readonly engine = 'pglite';
  readonly #pglite: PGlite;
  readonly #lock: DataDirLock | undefined;
  readonly #onBackgroundError: (error: Error) => void;
  readonly #connection: Queryable;
  #closing: Promise<void> | undefined;

  constructor(pglite: PGlite, lock: DataDirLock | undefined, onBackgroundError: (error: Error) => void) {
    this.#pglite = pglite;
    this.#lock = lock;
    this.#onBackgroundError = onBackgroundError;
    this.#connection = queryable(pglite);
  }

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions) {
    assertOutsideTransaction(this, 'query');
    return this.#connection.query<T>(sql, params, options);
  }

  async exec(script: string) {
    assertOutsideTransaction(this, 'exec');
    return this.#connection.exec(script);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T> {
    assertOutsideTransaction(this, 'transaction');
    const last = options?.beforeCommit;
    return this.#pglite.transaction((tx) =>
      inTransactionScope(this, async () => {
        const connection = queryable(tx);
        const result = await fn(connection);
        if (last) last.rowCount((await connection.query(last.sql)).rowCount);
        return result;
      }),
    );
  }

  // In process, the subscription is never lost: onSubscription is never called.
  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    assertChannelName(channel);
    assertOutsideTransaction(this, 'listen');
    const unlisten = await this.#pglite.listen(channel, (payload) => {
      try {
        onNotify(payload);
      } catch (error) {
        this.#onBackgroundError(error as Error);
      }
    });
    let stopped = false;
    return async () => {
      if (stopped || this.#pglite.closed) return;
      stopped = true;
      await unlisten();
    };
  }

  async dumpDataDir(): Promise<Uint8Array> {
    const tarball = await this.#pglite.dumpDataDir('gzip');
    return new Uint8Array(await tarball.arrayBuffer());
  }

  close(): Promise<void> {
    this.#closing ??= this.#pglite.close().finally(() => this.#lock?.release());
    return this.#closing;
  }
}

function queryable(connection: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[], options?: QueryOptions) {
      if (options?.name !== undefined) assertStatementName(options.name, sql);
      try {
        const result = await connection.query<T>(sql, params);
        return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? 0 };
      } catch (error) {
        throw withoutParams(error);
      }
    },
    async exec(script: string) {
      try {
        await connection.exec(script);
      } catch (error) {
        throw withoutParams(error);
      }
    },
  };
}

/** PGlite's errors carry the query's parameter values, pg's do not; values can be personal data
 * or secrets, and errors get logged. */
function withoutParams(error: unknown): unknown {
  if (error instanceof Error && 'params' in error) delete (error as { params?: unknown }).params;
  return error;
}

function holdsDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

function asBlob(snapshot: Uint8Array | Blob): Blob {
  return snapshot instanceof Blob ? snapshot : new Blob([snapshot]);
}
