// PostgreSQL behind the seam: a pg.Pool for queries and transactions, and one dedicated
// connection for LISTEN (see postgres-listener.ts).
import pg from 'pg';
import { assertChannelName } from './channel.ts';
import type { Database, Queryable, QueryOptions } from './database.ts';
import { PostgresListener } from './postgres-listener.ts';
import { assertStatementName } from './statement-names.ts';
import { assertOutsideTransaction, inTransactionScope } from './transaction-scope.ts';

// pg waits for ever for a connection by default; a blackholed host would hang startup.
const CONNECTION_TIMEOUT_MS = 10_000;

export async function openPostgres(options: {
  url: string;
  poolSize: number;
  onBackgroundError: (error: Error) => void;
}): Promise<Database> {
  const target = describeTarget(options.url);
  const connection = {
    connectionString: withGenericPlans(options.url),
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
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
  const listener = new PostgresListener({ ...connection, keepAlive: true }, options.onBackgroundError);
  return new PostgresAdapter(pool, listener);
}

class PostgresAdapter implements Database {
  readonly engine = 'postgres';
  readonly #pool: pg.Pool;
  readonly #listener: PostgresListener;
  readonly #connection: Queryable;
  #closing: Promise<void> | undefined;

  constructor(pool: pg.Pool, listener: PostgresListener) {
    this.#pool = pool;
    this.#listener = listener;
    this.#connection = queryable(pool, () => false);
  }

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions) {
    assertOutsideTransaction(this, 'query');
    return this.#connection.query<T>(sql, params, options);
  }

  async exec(script: string) {
    assertOutsideTransaction(this, 'exec');
    return this.#connection.exec(script);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    assertOutsideTransaction(this, 'transaction');
    const client = await this.#pool.connect();
    let ended = false;
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await inTransactionScope(this, () => fn(queryable(client, () => ended)));
      ended = true;
      const commit = await client.query('COMMIT');
      // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK and no error (PGlite throws).
      if (commit.command === 'ROLLBACK') {
        throw new Error('The transaction was rolled back: one of its statements failed and its error was caught inside the transaction');
      }
      return result;
    } catch (error) {
      ended = true;
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      ended = true;
      // A connection that could not roll back is destroyed rather than reused.
      client.release(broken);
    }
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    assertChannelName(channel);
    assertOutsideTransaction(this, 'listen');
    return this.#listener.listen(channel, onNotify);
  }

  close(): Promise<void> {
    this.#closing ??= Promise.all([this.#listener.close(), this.#pool.end()]).then(() => undefined);
    return this.#closing;
  }
}

function queryable(client: pg.Pool | pg.PoolClient, ended: () => boolean): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[], options?: QueryOptions) {
      if (ended()) throw new Error('Transaction is closed');
      if (options?.name !== undefined) assertStatementName(options.name, sql);
      // The extended protocol even without parameters, as PGlite does: one statement per query.
      const config: pg.QueryConfig & { queryMode: 'extended' } = { text: sql, values: params, name: options?.name, queryMode: 'extended' };
      const result = await client.query(config);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    },
    async exec(script: string) {
      if (ended()) throw new Error('Transaction is closed');
      await client.query(script);
    },
  };
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
