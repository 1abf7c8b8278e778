// The domain's repositories (src/domain/model.ts) in SQL that PGlite and PostgreSQL 15 both run.
import type { DeviceFilter, DeviceInfoFields, DeviceRecord, OutboxReport, Repositories, Store, TokenRecord, UserRecord } from '../domain/model.ts';
import type { Database, Queryable } from './database.ts';

interface UserRow {
  user_id: string;
  plat_id: string;
  login_id: string;
  login_name: string | null;
  email: string | null;
  mobile: string | null;
  status: UserRecord['status'];
  profile: UserRecord['profile'];
}

interface DeviceRow {
  device_id: string;
  udevice_id: string | null;
  device_type: string;
  model: string | null;
  manufacturer: string | null;
  brand: string | null;
  access_way: string | null;
  attrs: Record<string, string>;
  online: boolean;
}

const toUser = (r: UserRow): UserRecord => ({
  userId: r.user_id,
  platId: r.plat_id,
  loginId: r.login_id,
  loginName: r.login_name,
  email: r.email,
  mobile: r.mobile,
  status: r.status,
  profile: r.profile,
});

const toDevice = (r: DeviceRow): DeviceRecord => ({
  deviceId: r.device_id,
  udeviceId: r.udevice_id,
  deviceType: r.device_type,
  model: r.model,
  manufacturer: r.manufacturer,
  brand: r.brand,
  accessWay: r.access_way,
  attrs: r.attrs,
  online: r.online,
});

const deviceColumns = 'd.device_id, d.udevice_id, d.device_type, d.model, d.manufacturer, d.brand, d.access_way, d.attrs, d.online';

const infoColumns: Record<keyof DeviceInfoFields, string> = {
  deviceType: 'device_type',
  model: 'model',
  manufacturer: 'manufacturer',
  brand: 'brand',
  accessWay: 'access_way',
};

/** `(… AND …) OR (…)` over the filters of 7.2.3, with its parameters numbered from `first`. */
function filterSql(filters: DeviceFilter[], first: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const alternatives = filters.map((f) => {
    const terms: string[] = [];
    for (const [field, value] of Object.entries(f)) {
      if (value === undefined) continue;
      params.push(value);
      const at = `$${first + params.length - 1}`;
      if (field === 'deviceId') terms.push(`(d.device_id = ${at} OR d.udevice_id = ${at})`);
      // A category + sub-category (5 digits) also matches every minor class under it.
      else if (field === 'deviceType') terms.push(`(d.device_type = ${at} OR (length(${at}) = 5 AND left(d.device_type, 5) = ${at}))`);
      else terms.push(`d.${infoColumns[field as keyof DeviceInfoFields]} = ${at}`);
    }
    return terms.length ? `(${terms.join(' AND ')})` : 'TRUE';
  });
  return { sql: alternatives.length ? `(${alternatives.join(' OR ')})` : 'TRUE', params };
}

export function repositories(db: Queryable): Repositories {
  return {
    users: {
      async find(userId) {
        const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE user_id = $1', [userId]);
        return rows[0] && toUser(rows[0]);
      },
      async findByLogin(platId, loginId) {
        const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE plat_id = $1 AND login_id = $2', [platId, loginId]);
        return rows[0] && toUser(rows[0]);
      },
      async insert(u) {
        await db.query(
          `INSERT INTO users (user_id, plat_id, login_id, login_name, email, mobile, status, profile)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
          [u.userId, u.platId, u.loginId, u.loginName, u.email, u.mobile, u.status, JSON.stringify(u.profile)],
        );
      },
      async update(u) {
        await db.query(
          `UPDATE users SET login_name = $2, email = $3, mobile = $4, status = $5, profile = $6::jsonb, updated_at = now()
           WHERE user_id = $1`,
          [u.userId, u.loginName, u.email, u.mobile, u.status, JSON.stringify(u.profile)],
        );
      },
      async delete(userId) {
        return (await db.query('DELETE FROM users WHERE user_id = $1', [userId])).rowCount > 0;
      },
      async findByFamily(platId, familyId) {
        const { rows } = await db.query<{ user_id: string }>("SELECT user_id FROM users WHERE plat_id = $1 AND profile->>'familyId' = $2", [platId, familyId]);
        return rows.map((r) => r.user_id);
      },
    },
    tokens: {
      async insert(tokenHash, t: TokenRecord) {
        await db.query('INSERT INTO access_tokens (token_hash, user_id, plat_id, expires_at) VALUES ($1, $2, $3, $4)', [tokenHash, t.userId, t.platId, t.expiresAt]);
      },
      async find(tokenHash) {
        const { rows } = await db.query<{ user_id: string; plat_id: string; expires_at: Date }>('SELECT user_id, plat_id, expires_at FROM access_tokens WHERE token_hash = $1', [tokenHash]);
        const r = rows[0];
        return r && { userId: r.user_id, platId: r.plat_id, expiresAt: new Date(r.expires_at) };
      },
      async findWithUser(tokenHash) {
        const { rows } = await db.query<UserRow & { token_user_id: string; token_plat_id: string; expires_at: Date }>(
          `SELECT t.user_id AS token_user_id, t.plat_id AS token_plat_id, t.expires_at, u.*
           FROM access_tokens t LEFT JOIN users u ON u.user_id = t.user_id WHERE t.token_hash = $1`,
          [tokenHash],
        );
        const r = rows[0];
        if (!r) return undefined;
        return { token: { userId: r.token_user_id, platId: r.token_plat_id, expiresAt: new Date(r.expires_at) }, user: r.user_id === null ? undefined : toUser(r) };
      },
      async delete(tokenHash) {
        return (await db.query('DELETE FROM access_tokens WHERE token_hash = $1', [tokenHash])).rowCount > 0;
      },
      async deleteExpired(now) {
        return (await db.query('DELETE FROM access_tokens WHERE expires_at <= $1', [now])).rowCount;
      },
    },
    devices: {
      async resolve(id) {
        const { rows } = await db.query<DeviceRow>(`SELECT ${deviceColumns} FROM devices d WHERE d.device_id = $1 OR d.udevice_id = $1 LIMIT 1`, [id]);
        return rows[0] && toDevice(rows[0]);
      },
      async resolveFor(userId, id) {
        const { rows } = await db.query<DeviceRow & { bound: boolean }>(
          `SELECT ${deviceColumns}, EXISTS (SELECT 1 FROM bindings b WHERE b.user_id = $2 AND b.device_id = d.device_id) AS bound
           FROM devices d WHERE d.device_id = $1 OR d.udevice_id = $1 LIMIT 1`,
          [id, userId],
        );
        const r = rows[0];
        return r && { device: toDevice(r), bound: r.bound };
      },
      async listBoundTo(userId, filters) {
        const where = filterSql(filters, 2);
        const { rows } = await db.query<DeviceRow>(
          `SELECT ${deviceColumns} FROM bindings b JOIN devices d ON d.device_id = b.device_id
           WHERE b.user_id = $1 AND ${where.sql} ORDER BY b.bound_at, d.device_id`,
          [userId, ...where.params],
        );
        return rows.map(toDevice);
      },
      async updateInfo(deviceId, fields) {
        const set = Object.entries(fields).filter(([, v]) => v !== undefined);
        if (!set.length) return;
        await db.query(
          `UPDATE devices SET ${set.map(([k], i) => `${infoColumns[k as keyof DeviceInfoFields]} = $${i + 2}`).join(', ')}, updated_at = now() WHERE device_id = $1`,
          [deviceId, ...set.map(([, v]) => v)],
        );
      },
      async updateState(deviceId, attrs, online) {
        await db.query('UPDATE devices SET attrs = $2::jsonb, online = $3, version = version + 1, updated_at = now() WHERE device_id = $1', [deviceId, JSON.stringify(attrs), online]);
      },
      async seed(d) {
        await db.query(
          `INSERT INTO devices (device_id, udevice_id, device_type, model, manufacturer, brand, access_way, attrs, online)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) ON CONFLICT (device_id) DO NOTHING`,
          [d.deviceId, d.udeviceId, d.deviceType, d.model, d.manufacturer, d.brand, d.accessWay, JSON.stringify(d.attrs), d.online],
        );
      },
      async listActive() {
        // The simulator's work list: appliances in a cycle, heating, or regulating temperature.
        const { rows } = await db.query<DeviceRow>(
          `SELECT ${deviceColumns} FROM devices d
           WHERE d.online AND (d.attrs->>'runningstatus' IN ('1', '2', '3')
              OR (d.attrs->>'onOffStatus' = 'True' AND (d.attrs ? 'targetTemperature')))`,
        );
        return rows.map(toDevice);
      },
    },
    bindings: {
      async usersOf(deviceId) {
        const { rows } = await db.query<{ user_id: string; plat_id: string }>(
          'SELECT b.user_id, u.plat_id FROM bindings b JOIN users u ON u.user_id = b.user_id WHERE b.device_id = $1 ORDER BY b.bound_at',
          [deviceId],
        );
        return rows.map((r) => ({ userId: r.user_id, platId: r.plat_id }));
      },
      async isBound(userId, deviceId) {
        return (await db.query('SELECT 1 FROM bindings WHERE user_id = $1 AND device_id = $2', [userId, deviceId])).rowCount > 0;
      },
      async bind(userId, deviceId) {
        await db.query('INSERT INTO bindings (user_id, device_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, deviceId]);
      },
      async unbind(userId, deviceId) {
        return (await db.query('DELETE FROM bindings WHERE user_id = $1 AND device_id = $2', [userId, deviceId])).rowCount > 0;
      },
    },
    trust: {
      async trusts(owner, user) {
        return (await db.query('SELECT 1 FROM trust WHERE owner_user_id = $1 AND trusted_user_id = $2', [owner, user])).rowCount > 0;
      },
      async grant(owner, user) {
        await db.query('INSERT INTO trust (owner_user_id, trusted_user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [owner, user]);
      },
    },
    outbox: {
      async enqueue(reports: OutboxReport[]) {
        for (const r of reports) {
          await db.query(
            'INSERT INTO outbox (event_id, plat_id, device_id, data_type, payload) VALUES ($1, $2, $3, $4, $5::jsonb)',
            [r.eventId, r.platId, r.deviceId, r.dataType, JSON.stringify(r.payload)],
          );
        }
        // Wakes the outbox workers once the transaction commits.
        if (reports.length) await db.query("SELECT pg_notify('outbox', '')");
      },
    },
  };
}

export function createStore(db: Database): Store {
  return { ...repositories(db), transaction: (fn) => db.transaction((tx) => fn(repositories(tx))) };
}
