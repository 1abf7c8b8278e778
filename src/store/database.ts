// The database seam: one interface over PostgreSQL (pg.Pool) and PGlite, so repositories are
// written once and tests run on either engine.
import { openPGlite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export { StoreUnavailableError } from './unavailable.ts';

export interface QueryResult<T> {
  rows: T[];
  /** Rows returned by a SELECT, or changed by an INSERT/UPDATE/DELETE; 0 for DDL. */
  rowCount: number;
}

export interface QueryOptions {
  /**
   * Names the statement so PostgreSQL parses and plans it once per connection and then reuses it
   * (a prepared statement); for the statements of the busiest paths. One name, one SQL text:
   * reusing a name for another text throws. PGlite, in process, has no round trip to save and
   * ignores it.
   */
  name?: string;
}

export interface Queryable {
  /**
   * Runs exactly one statement with `$1…` parameters (both engines use the extended protocol, so
   * a second statement is an error on both). Results come back alike on both engines: int8/bigint
   * and numeric as strings, timestamptz as Date, json/jsonb parsed.
   * Pass a jsonb parameter as `JSON.stringify(value)`: pg would turn a JS array into a PostgreSQL
   * array literal, which is not JSON.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters: migrations and test fixtures only. */
  exec(script: string): Promise<void>;
}

export interface TransactionOptions {
  /**
   * A statement without parameters run after `fn`, last before COMMIT: on PostgreSQL it travels
   * with the COMMIT, saving a round trip on a busy path. `rowCount` hears how many rows it
   * returned, once it has run.
   */
  beforeCommit?: { sql: string; rowCount: (count: number) => void };
}

export interface Database extends Queryable {
  /**
   * Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. Inside, use
   * `tx` only: calling this database from inside its own transaction throws, because on PGlite it
   * would wait forever for the transaction to end. PGlite has a single connection, so a
   * transaction there blocks every other query of the process: keep HTTP calls and other slow
   * non-SQL work outside.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * LISTEN on `channel` (a lower-case SQL identifier); `onNotify` gets each payload sent by
   * NOTIFY/pg_notify after its transaction commits. Returns the function that stops listening.
   * Treat a notification as a hint to look: on PostgreSQL those sent while the listening
   * connection is being re-established are lost; `onSubscription` hears when it is lost (false)
   * and listening again (true), for a listener that must know what it may have missed.
   */
  listen(channel: string, onNotify: (payload: string) => void, onSubscription?: (listening: boolean) => void): Promise<() => Promise<void>>;
  readonly engine: 'pglite' | 'postgres';
  /** Idempotent. On PGlite it also releases the data-dir lock. */
  close(): Promise<void>;
}

/** A change of the store's reachability: down at the first failed call, up at the next success. */
export type AvailabilityChange = { available: false; error: Error } | { available: true; downForMs: number };

export interface OpenOptions {
  /** postgres:// URL (e.g. DATABASE_URL): PostgreSQL through a pool. */
  url?: string;
  /** PGlite persisting in this directory, guarded against a second process by a lock file. */
  dataDir?: string;
  /** PGlite started from a dumped data dir (a gzip tarball): in memory, or the initial contents
   * of `dataDir` when that holds no database yet. */
  snapshot?: Uint8Array | Blob;
  /** PostgreSQL pool size; DEFAULT_POOL_SIZE unless given. */
  poolSize?: number;
  /** PostgreSQL: the longest one statement may run, on the server and, for a server that stopped
   * answering, in this process; DEFAULT_STATEMENT_TIMEOUT_MS unless given. */
  statementTimeoutMs?: number;
  /** PostgreSQL: the longest a call waits for a pooled connection or for a new one to open;
   * DEFAULT_CONNECT_TIMEOUT_MS unless given. */
  connectTimeoutMs?: number;
  /** Errors that happen outside any call (an idle connection dropped, a listener reconnecting). */
  onBackgroundError?: (error: Error) => void;
  /** The store became unreachable, or reachable again: once per change, not once per call. */
  onAvailabilityChange?: (change: AvailabilityChange) => void;
}

export const DEFAULT_POOL_SIZE = 10;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;

/** No option → an in-memory PGlite (≈4 s of initdb; tests open a migrated snapshot instead). */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const onBackgroundError = options.onBackgroundError ?? ((error: Error) => process.emitWarning(error));
  if (options.url !== undefined) {
    if (options.dataDir !== undefined || options.snapshot !== undefined) {
      throw new Error('openDatabase: give either url (PostgreSQL) or dataDir/snapshot (PGlite), not both');
    }
    return openPostgres({
      url: options.url,
      poolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
      statementTimeoutMs: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      onBackgroundError,
      onAvailabilityChange: options.onAvailabilityChange ?? (() => undefined),
    });
  }
  return openPGlite({ dataDir: options.dataDir, snapshot: options.snapshot, onBackgroundError });
}
