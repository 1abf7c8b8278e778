// How the 7.2.6 status and 7.2.3 list queries slow down as the store grows: the bench user's
// requests with 1k, 100k (and with --scale 1M) other devices and 100k other users in the store,
// each device bound to one of them, on PostgreSQL. Rows are added with generate_series in SQL,
// then ANALYZE, so the planner sees the table as it is.
import { startServer } from '../lib/child.ts';
import type { RunContext } from '../lib/context.ts';
import { runLoad, type LoadResult } from '../lib/load.ts';
import type { NodeBinary } from '../lib/nodes.ts';
import { CONFIG_ENV, platformConfig } from '../lib/platform-config.ts';
import { fridgeType, headers, listBody, listPath, statusBody, statusPath } from '../lib/requests.ts';
import { openSession } from '../lib/session.ts';
import { freshStore } from '../lib/stores.ts';

export interface ScaleRow {
  node: string;
  devices: number;
  users: number;
  loadSeconds: number;
  status: LoadResult;
  list: LoadResult;
}

const attrs = JSON.stringify({ refrigeratorTemperature: '4', freezerTemperature: '-18', quickFreeze: 'False', onLine: 'True' });

export async function scale(ctx: RunContext, node: NodeBinary): Promise<ScaleRow[]> {
  if (!ctx.postgresUrl) {
    ctx.log('scale: skipped, PostgreSQL is not reachable');
    return [];
  }
  const rows: ScaleRow[] = [];
  const fresh = await freshStore(ctx, 'postgres', `${node.label}_scale`);
  const db = fresh.schema!.db;
  const child = await startServer({
    node: node.path,
    server: 'platform',
    env: { [CONFIG_ENV]: JSON.stringify(platformConfig({ partnerUrl: ctx.partnerUrl, store: fresh.store })) },
    verbose: ctx.settings.verbose,
  });
  try {
    const session = await openSession(`http://127.0.0.1:${child.port}/v1`);
    const users = ctx.settings.scaleUsers;
    let started = performance.now();
    await db.query(
      `INSERT INTO users (user_id, plat_id, login_id, status)
       SELECT 'SU' || lpad(g::text, 10, '0'), $1, 'su' || g, '0' FROM generate_series(1, $2::int) g`,
      ['MB-JDAPP-0000', users],
    );
    ctx.log(`scale: ${users} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    let have = 0;
    for (const size of ctx.settings.scaleSizes) {
      started = performance.now();
      // Every device is bound to one of the users, round robin: a realistic bindings table.
      await db.query(
        `INSERT INTO devices (device_id, device_type, model, manufacturer, brand, access_way, attrs)
         SELECT 'SD' || lpad(g::text, 10, '0'), $3, 'RF-500', 'Bench Appliances', 'Bench', '1', $4::jsonb
         FROM generate_series($1::int, $2::int) g`,
        [have + 1, size, fridgeType, attrs],
      );
      await db.query(
        `INSERT INTO bindings (user_id, device_id)
         SELECT 'SU' || lpad((((g - 1) % $3) + 1)::text, 10, '0'), 'SD' || lpad(g::text, 10, '0')
         FROM generate_series($1::int, $2::int) g`,
        [have + 1, size, users],
      );
      await db.exec('ANALYZE');
      have = size;
      const loadSeconds = (performance.now() - started) / 1000;
      ctx.log(`scale: ${size} devices loaded in ${loadSeconds.toFixed(1)} s`);
      const base = `http://127.0.0.1:${child.port}`;
      const run = async (path: string, body: string) => {
        const options = { url: `${base}${path}`, headers: headers(session), body, connections: ctx.settings.connections };
        if (ctx.settings.warmupSeconds > 0) await runLoad({ ...options, durationSeconds: ctx.settings.warmupSeconds });
        return runLoad({ ...options, durationSeconds: ctx.settings.durationSeconds });
      };
      const row: ScaleRow = { node: node.label, devices: size, users, loadSeconds, status: await run(statusPath, statusBody(session)), list: await run(listPath, listBody(session)) };
      rows.push(row);
      ctx.log(
        `${node.label} scale ${String(size).padStart(7)} devices: status ${row.status.rps.toFixed(0)} req/s p99 ${row.status.p99Ms.toFixed(2)} ms; ` +
          `list ${row.list.rps.toFixed(0)} req/s p99 ${row.list.p99Ms.toFixed(2)} ms`,
      );
    }
  } finally {
    await child.stop();
    await fresh.dispose();
  }
  return rows;
}
