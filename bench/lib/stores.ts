// A fresh store for one part of a run: a new PGlite data dir, or a new schema on PostgreSQL.
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { wanted, type RunContext } from './context.ts';
import type { Store } from './platform-config.ts';
import { createSchema, type BenchSchema } from './postgres.ts';

export type Engine = Store['engine'];

export interface FreshStore {
  store: Store;
  /** The orchestrator's own connection, on PostgreSQL only. */
  schema?: BenchSchema;
  dispose(): Promise<void>;
}

export async function freshStore(ctx: RunContext, engine: Engine, name: string): Promise<FreshStore> {
  if (engine === 'pglite') {
    const dataDir = await mkdtemp(path.join(ctx.tmp, `pglite-${name}-`));
    return { store: { engine, dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  }
  if (!ctx.postgresUrl) throw new Error('PostgreSQL is not reachable');
  const schema = await createSchema(ctx.postgresUrl, `bench_${ctx.runId}_${name}`.toLowerCase().replace(/[^a-z0-9_]/g, '_'));
  return { store: { engine, url: schema.url }, schema, dispose: () => schema.drop() };
}

/** The engines of this run: PGlite always, PostgreSQL when reachable. */
export const enginesOf = (ctx: RunContext): Engine[] =>
  (ctx.postgresUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const)).filter((engine) => wanted(ctx.settings.stores, engine));
