// The operational endpoints: /healthz while the process answers, /readyz while it can serve (503
// naming what is missing), / sending a browser to the docs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestPlatform } from '../support/platform.ts';

const get = async (url: string) => {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), body: res.status === 302 ? undefined : ((await res.json()) as unknown) };
};

describe('operational endpoints', () => {
  it('/healthz and /readyz answer 200 on a platform that can serve; / redirects to /docs/', async (t) => {
    const p = await startTestPlatform(t);
    const origin = p.url.replace(/\/v1$/, '');
    assert.deepEqual(await get(`${origin}/healthz`), { status: 200, location: null, body: { status: 'ok' } });
    assert.deepEqual(await get(`${origin}/readyz`), { status: 200, location: null, body: { status: 'ready' } });
    assert.deepEqual(await get(`${origin}/`), { status: 302, location: '/docs/', body: undefined });
  });

  it('/readyz answers 503 naming a migration the store has not applied, and the store out of reach', async (t) => {
    const p = await startTestPlatform(t);
    const origin = p.url.replace(/\/v1$/, '');
    const { rows } = await p.db.query<{ version: string }>('SELECT max(version) AS version FROM schema_migrations');
    const latest = rows[0]!.version;
    await p.db.query('DELETE FROM schema_migrations WHERE version = $1', [latest]);
    assert.deepEqual(await get(`${origin}/readyz`), { status: 503, location: null, body: { status: 'not ready', problems: { store: `migrations not applied: ${latest}` } } });
    await p.db.query('INSERT INTO schema_migrations (version) VALUES ($1)', [latest]);
    await p.db.query('ALTER TABLE schema_migrations RENAME TO schema_migrations_away');
    const away = await get(`${origin}/readyz`);
    assert.equal(away.status, 503);
    assert.match(JSON.stringify(away.body), /"store":".*schema_migrations/);
    await p.db.query('ALTER TABLE schema_migrations_away RENAME TO schema_migrations');
    assert.equal((await get(`${origin}/readyz`)).status, 200);
  });
});
