// PostgreSQL behind the seam: a pg.Pool for queries and transactions, and one dedicated
// connection for LISTEN (see postgres-listener.ts). Every call has a time limit, and a server out
// of reach surfaces as StoreUnavailableError, never as an unhandled 'error' event.
import pg from 'pg';
import { Availability } from './availability.ts';
import { assertChannelName } from './channel.ts';
import type { AvailabilityChange, Database, Queryable, QueryOptions, TransactionOptions } from './database.ts';
import { PostgresListener } from './postgres-listener.ts';
import { StoreUnavailableError } from './unavailable.ts';
import { assertStatementName } from './statement-names.ts';
import { assertOutsideTransaction, inTransactionScope } from './transaction-scope.ts';

// A statement the server already cancelled (statement_timeout) reaches the client a little after
// the limit; the client-side limit waits that much longer before giving the connection up.
const CLIENT_MARGIN_MS = 250;

export async function openPostgres(options: {
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
  connectTimeoutMs: number;
  onBackgroundError: (error: Error) => void;
  onAvailabilityChange: (change: AvailabilityChange) => void;
}): Promise<Database> {
  const target = describeTarget(options.url);
  const connection: pg.ClientConfig = {
    connectionString: withGenericPlans(options.url),
    // pg waits for ever for a connection by default; a blackholed host would hang every call.
    connectionTimeoutMillis: options.connectTimeoutMs,
    // The server cancels a statement that runs too long (and frees its locks)...
    statement_timeout: options.statementTimeoutMs,
    // ...and this process stops waiting for a server that does not answer at all (paused, cut off).
    query_timeout: options.statementTimeoutMs + CLIENT_MARGIN_MS,
    // A transaction left open by a frozen process must not hold its row locks for ever.
    idle_in_transaction_session_timeout: Math.max(10_000, 2 * options.statementTimeoutMs),
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    fallback_application_name: 'cloud-interop',
  };
  const pool = new pg.Pool({ ...connection, max: options.poolSize });
  // An idle pooled connection that drops (server restart) is emitted here; without a listener the
  // process would crash. The pool replaces the connection on the next query.
  pool.on('error', (error) => options.onBackgroundError(error));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw new Error(`Cannot connect to PostgreSQL at ${target}: ${(error as Error).message}`, { cause: error });
  }
  const listener = new PostgresListener(connection, options.onBackgroundError);
  return new PostgresAdapter(pool, listener, new Availability(options.onAvailabilityChange), options.statementTimeoutMs);
}

class PostgresAdapter implements Database {
  readonly engine = 'postgres';
  readonly #pool: pg.Pool;
  readonly #listener: PostgresListener;
  readonly #availability: Availability;
  readonly #statementTimeoutMs: number;
  readonly #connection: Queryable;
  #closing: Promise<void> | undefined;

  constructor(pool: pg.Pool, listener: PostgresListener, availability: Availability, statementTimeoutMs: number) {
    this.#pool = pool;
    this.#listener = listener;
    this.#availability = availability;
    this.#statementTimeoutMs = statementTimeoutMs;
    this.#connection = this.#queryable(pool, () => false);
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
    let client: pg.PoolClient;
    const startedAt = performance.now();
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw this.#failure(error, startedAt);
    }
    // A checked-out connection that breaks between two statements emits 'error' on its client, and
    // an 'error' without a listener kills the process. The statement in flight, if any, rejects
    // by itself; the next one finds the client unusable.
    const ignore = () => undefined;
    client.on('error', ignore);
    let ended = false;
    let broken: Error | undefined;
    try {
      await this.#run(client, { text: 'BEGIN' });
      const result = await inTransactionScope(this, () => fn(this.#queryable(client, () => ended)));
      ended = true;
      const last = options?.beforeCommit;
      // Both in one simple query: two statements, two results. When the first fails, PostgreSQL
      // skips the COMMIT and the transaction is rolled back below.
      const results = await this.#run(client, { text: last ? `${last.sql};\nCOMMIT` : 'COMMIT' });
      const commit = last ? (results as unknown as pg.QueryResult[])[1]! : results;
      if (last) last.rowCount((results as unknown as pg.QueryResult[])[0]!.rowCount ?? 0);
      // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK and no error (PGlite throws).
      if (commit.command === 'ROLLBACK') {
        throw new Error('The transaction was rolled back: one of its statements failed and its error was caught inside the transaction');
      }
      return result;
    } catch (error) {
      ended = true;
      if (error instanceof StoreUnavailableError) {
        // The connection is lost or hung: a ROLLBACK would wait out a timeout of its own.
        // Destroying the connection ends the transaction on the server just as well.
        broken = error;
      } else {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      }
      throw error;
    } finally {
      ended = true;
      // A connection that could not roll back is destroyed rather than reused.
      client.release(broken);
      client.off('error', ignore);
    }
  }

  async listen(channel: string, onNotify: (payload: string) => void, onSubscription?: (listening: boolean) => void): Promise<() => Promise<void>> {
    assertChannelName(channel);
    assertOutsideTransaction(this, 'listen');
    return this.#listener.listen(channel, onNotify, onSubscription);
  }

  close(): Promise<void> {
    this.#closing ??= Promise.all([this.#listener.close(), this.#pool.end()]).then(() => undefined);
    return this.#closing;
  }

  #queryable(client: pg.Pool | pg.PoolClient, ended: () => boolean): Queryable {
    return {
      query: async <T>(sql: string, params?: unknown[], options?: QueryOptions) => {
        if (ended()) throw new Error('Transaction is closed');
        if (options?.name !== undefined) assertStatementName(options.name, sql);
        // The extended protocol even without parameters, as PGlite does: one statement per query.
        const result = await this.#run(client, { text: sql, values: params, name: options?.name, queryMode: 'extended' });
        return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
      },
      exec: async (script: string) => {
        if (ended()) throw new Error('Transaction is closed');
        await this.#run(client, { text: script });
      },
    };
  }

  /** One round trip, its outcome counted towards the store's availability. */
  async #run(client: pg.Pool | pg.PoolClient, config: pg.QueryConfig & { queryMode?: 'extended' }): Promise<pg.QueryResult> {
    const startedAt = performance.now();
    let result: pg.QueryResult;
    try {
      result = await client.query(config);
    } catch (error) {
      throw this.#failure(error, startedAt);
    }
    this.#availability.succeeded(startedAt);
    return result;
  }

  /** A driver error as the seam reports it: unavailability as StoreUnavailableError, the rest as is. */
  #failure(error: unknown, startedAt: number): unknown {
    const why = unavailability(error, this.#statementTimeoutMs);
    if (why === undefined) return error;
    const unavailable = new StoreUnavailableError(`the store is unavailable: ${why}`, { cause: error });
    this.#availability.failed(unavailable, startedAt);
    return unavailable;
  }
}

const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// pg's own messages for a connection it lost, gave up on, or never got.
const DRIVER_MESSAGES = ['Connection terminated', 'timeout exceeded when trying to connect', 'timeout expired', 'not queryable', 'Cannot use a pool after calling end'];

/** Why a driver error means the store is out of reach, or undefined when it is an ordinary error. */
function unavailability(error: unknown, statementTimeoutMs: number): string | undefined {
  const { code, message = '' } = (error ?? {}) as { code?: unknown; message?: string };
  if (typeof code === 'string') {
    if (NETWORK_ERRORS.has(code)) return code;
    // SQLSTATE 57014: cancelled, here by statement_timeout; class 08: connection exception; 57P01
    // to 57P05: the server is shutting down, restarting or refusing sessions; 53300: no free
    // connection slot; 25P03: a transaction idle beyond idle_in_transaction_session_timeout.
    if (code === '57014') return `a statement ran longer than ${statementTimeoutMs} ms`;
    if (code.startsWith('08') || /^57P0[1-5]$/.test(code) || code === '53300' || code === '25P03') return `${message} (SQLSTATE ${code})`;
  }
  if (message === 'Query read timeout') return `no answer within ${statementTimeoutMs} ms`;
  if (DRIVER_MESSAGES.some((m) => message.includes(m))) return message;
  return undefined;
}

/**
 * The URL with plan_cache_mode=force_generic_plan added to its connection options. The hot
 * statements are prepared (statement-names.ts) and look rows up by key; left to itself PostgreSQL
 * plans each execution anew for the parameters given (custom plans), which for the one-statement
 * 7.2.6 lookup costs twice its execution. A generic plan is planned once per connection.
 */
function withGenericPlans(url: string): string {
  const parsed = new URL(url);
  const given = parsed.searchParams.get('options');
  parsed.searchParams.set('options', `${given ? `${given} ` : ''}-c plan_cache_mode=force_generic_plan`);
  return parsed.toString();
}

/** host:port and database of a postgres:// URL, without its password, for error messages. */
function describeTarget(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The text is not echoed: it may hold a password.
    throw new Error('The database URL is not a valid URL: expected postgres://user@host:port/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`The database URL has protocol ${parsed.protocol}: expected postgres://user@host:port/database`);
  }
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const database = decodeURIComponent(parsed.pathname.slice(1)) || '(default)';
  const user = decodeURIComponent(parsed.username) || '(default)';
  return `${host}:${parsed.port || '5432'} (database ${database}, user ${user})`;
}
