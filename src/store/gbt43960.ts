// GB/T 43960 tables (migration 002) behind the domain's GbtStore.
import type { GbtStore } from '../domain/gbt43960/model.ts';
import type { Queryable } from './database.ts';

/** Identifiers are unique ignoring ASCII case only (NOTES I-11): fold A–Z, nothing else. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

export function gbtStore(db: Queryable): GbtStore {
  return {
    async findApp(appId) {
      const { rows } = await db.query<{ app_id: string; user_id: string; secret_salt: string; secret_hash: string }>('SELECT * FROM gbt_apps WHERE app_id = $1', [appId]);
      const r = rows[0];
      return r && { appId: r.app_id, userId: r.user_id, secretSalt: r.secret_salt, secretHash: r.secret_hash };
    },
    async upsertApp(a) {
      await db.query(
        `INSERT INTO gbt_apps (app_id, user_id, secret_salt, secret_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (app_id) DO UPDATE SET user_id = $2, secret_salt = $3, secret_hash = $4`,
        [a.appId, a.userId, a.secretSalt, a.secretHash],
      );
    },
    async insertToken(hash, t) {
      await db.query('INSERT INTO gbt_tokens (token_hash, app_id, user_id, expires_at) VALUES ($1, $2, $3, $4)', [hash, t.appId, t.userId, t.expiresAt]);
    },
    async findToken(hash) {
      const { rows } = await db.query<{ app_id: string; user_id: string; expires_at: Date }>('SELECT app_id, user_id, expires_at FROM gbt_tokens WHERE token_hash = $1', [hash]);
      const r = rows[0];
      return r && { appId: r.app_id, userId: r.user_id, expiresAt: new Date(r.expires_at) };
    },
    async findDevice(devId) {
      const { rows } = await db.query<{ dev_id: string; user_id: string; secret: string; dev_name: string; dev_group: string; dev_add: string }>('SELECT * FROM gbt_devices WHERE dev_id = $1', [devId]);
      const r = rows[0];
      return r && { devId: r.dev_id, userId: r.user_id, secret: r.secret, devName: r.dev_name, devGroup: r.dev_group, devAdd: r.dev_add };
    },
    async upsertDevice(d) {
      await db.query(
        `INSERT INTO gbt_devices (dev_id, user_id, secret, dev_name, dev_group, dev_add) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (dev_id) DO UPDATE SET user_id = $2, secret = $3, dev_name = $4, dev_group = $5, dev_add = $6`,
        [d.devId, d.userId, d.secret, d.devName, d.devGroup, d.devAdd],
      );
    },
    async identifierOf(devId) {
      const { rows } = await db.query<{ identifier: string }>('SELECT identifier FROM gbt_identifiers WHERE dev_id = $1', [devId]);
      return rows[0]?.identifier;
    },
    async deviceWithIdentifier(identifier) {
      const { rows } = await db.query<{ dev_id: string; identifier: string }>('SELECT dev_id, identifier FROM gbt_identifiers WHERE identifier_folded = $1', [fold(identifier)]);
      const r = rows[0];
      return r && { devId: r.dev_id, identifier: r.identifier };
    },
    async saveIdentifier(devId, identifier) {
      const { rowCount } = await db.query('INSERT INTO gbt_identifiers (dev_id, identifier, identifier_folded) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [devId, identifier, fold(identifier)]);
      return rowCount > 0;
    },
    async insertGateway(g) {
      await db.query(
        'INSERT INTO gbt_gateways (gatew_id, user_id, app_id, gatew_name, comm_code, comm_url, iot_type) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [g.gatewId, g.userId, g.appId, g.gatewName, g.commCode, g.commUrl, g.iotType],
      );
    },
    async insertInterface(api) {
      const { rowCount } = await db.query(
        `INSERT INTO gbt_interfaces (api_id, app_id, api_name, api_path, api_version, api_desc) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (app_id, api_path, api_version) DO NOTHING`,
        [api.apiId, api.appId, api.apiName, api.apiPath, api.apiVersion, api.apiDesc],
      );
      return rowCount > 0;
    },
    async listInterfaces(appId, offset, limit) {
      const where = 'WHERE $1::text IS NULL OR app_id = $1';
      const total = await db.query<{ n: string }>(`SELECT count(*) AS n FROM gbt_interfaces ${where}`, [appId ?? null]);
      const { rows } = await db.query<{ api_id: string; app_id: string; api_name: string; api_path: string; api_version: string; api_desc: string }>(
        `SELECT api_id, app_id, api_name, api_path, api_version, api_desc FROM gbt_interfaces ${where} ORDER BY seq OFFSET $2 LIMIT $3`,
        [appId ?? null, offset, limit],
      );
      return {
        total: Number(total.rows[0]?.n ?? 0),
        items: rows.map((r) => ({ apiId: r.api_id, appId: r.app_id, apiName: r.api_name, apiPath: r.api_path, apiVersion: r.api_version, apiDesc: r.api_desc })),
      };
    },
  };
}
