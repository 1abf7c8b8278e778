// The bench's PostgreSQL: the test database on the local server, and a schema of its own for
// each part of a run (dropped at the end), reached through `options=-c search_path=…` in the URL
// so the platform processes need no change.
import { openDatabase, type Database } from '../../src/store/database.ts';

export const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/test';

/** Undefined when the server answers, otherwise why not. */
export async function postgresProblem(url: string): Promise<string | undefined> {
  try {
    const db = await openDatabase({ url, poolSize: 1 });
    await db.close();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', `${options ? `${options} ` : ''}-c search_path=${schema}`);
  return parsed.toString();
}

export interface BenchSchema {
  url: string;
  /** A connection of the orchestrator's own into the schema, for bulk loading. */
  db: Database;
  drop(): Promise<void>;
}

export async function createSchema(baseUrl: string, schema: string): Promise<BenchSchema> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
  const url = withSearchPath(baseUrl, schema);
  const db = await openDatabase({ url, poolSize: 2 });
  await db.query(`create schema ${schema}`);
  return {
    url,
    db,
    async drop() {
      try {
        await db.query(`drop schema ${schema} cascade`);
      } finally {
        await db.close();
      }
    },
  };
}
