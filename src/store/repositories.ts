// The domain's repositories (src/domain/model.ts) in SQL that PGlite and PostgreSQL 15 both run.
import type { DeviceFilter, DeviceInfoFields, DeviceRecord, DeviceToChange, NamedDevice, NamedRecords, RequestNames, Repositories, Store, TokenRecord, UserRecord } from '../domain/model.ts';
import type { Database, Queryable } from './database.ts';
import { READ_CACHE_CHANNEL, type ReadCache } from './read-cache.ts';

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

// The partners a device's reports go to, each once, in the order their users first bound it: the
// rule of reportRecipients() (src/domain/report-recipients.ts), carried by the locking lookup.
const reportTo = `ARRAY(SELECT bu.plat_id FROM bindings b JOIN users bu ON bu.user_id = b.user_id
                        WHERE b.device_id = d.device_id GROUP BY bu.plat_id ORDER BY min(b.bound_at), bu.plat_id) AS report_to`;

// What the lookups of a request say of its caller: the named user and the token.
const callerColumns = `u.user_id, u.plat_id, u.login_id, u.login_name, u.email, u.mobile, u.status, u.profile,
           t.user_id AS token_user_id, t.plat_id AS token_plat_id, t.expires_at`;

/** The device an id names, as `d`: by the platform's own device code or by UDeviceID (the
 * mapping of the note to 7.2.1), with `columns` of `source`. */
const namedDevice = (id: string, source: string, columns: string) =>
  `LEFT JOIN LATERAL (SELECT ${columns} FROM ${source} d WHERE d.device_id = ${id} OR d.udevice_id = ${id} LIMIT 1) d ON true`;

/** Whether `d` is bound to the user of that UserID. */
const boundTo = (userId: string) => `EXISTS (SELECT 1 FROM bindings b WHERE b.user_id = ${userId} AND b.device_id = d.device_id) AS bound`;

/**
 * requests.find: the named user, the token and each named device, in one row per device in the
 * order named ($1 UserID, $2 token hash or null, $3 the ids).
 */
const FIND_SQL = `SELECT ${callerColumns}, named.*
    FROM (SELECT) AS request
    LEFT JOIN users u ON u.user_id = $1
    LEFT JOIN access_tokens t ON t.token_hash = $2
    LEFT JOIN LATERAL (
      SELECT r.n, d.*, ${boundTo('$1')}
      FROM unnest($3::text[]) WITH ORDINALITY AS r(id, n)
      ${namedDevice('r.id', 'devices', deviceColumns)}
    ) named ON true
    ORDER BY named.n`;

/**
 * requests.findForChange: what find finds, for several requests at once, in one row per device,
 * requests in the order given ($1 the UserIDs, $2 the token hashes or nulls, one each per request;
 * $3 the request of each named id, from 1, and $4 the ids). It first locks every device named by
 * any of the requests in device_id order, as every change does (listActiveForChange too), so two
 * changes naming the same devices in other orders wait for each other rather than deadlock.
 */
const FIND_FOR_CHANGE_SQL = `WITH locked AS MATERIALIZED (
      SELECT ${deviceColumns}, ${reportTo} FROM devices d
      WHERE d.device_id = ANY ($4::text[]) OR d.udevice_id = ANY ($4::text[])
      ORDER BY d.device_id FOR UPDATE
    )
    SELECT q.q, ${callerColumns}, r.n, d.*, ${boundTo('q.user_id')}
    FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS q(user_id, token_hash, q)
    LEFT JOIN users u ON u.user_id = q.user_id
    LEFT JOIN access_tokens t ON t.token_hash = q.token_hash
    LEFT JOIN (
      unnest($3::bigint[], $4::text[]) WITH ORDINALITY AS r(q, id, n)
      ${namedDevice('r.id', 'locked', '*')}
    ) ON r.q = q.q
    ORDER BY q.q, r.n`;

type RequestRow = { [K in keyof UserRow]: UserRow[K] | null } & { [K in keyof DeviceRow]: DeviceRow[K] | null } & {
  token_user_id: string | null;
  token_plat_id: string | null;
  expires_at: Date | null;
  n: string | null;
  bound: boolean | null;
  report_to?: string[];
};

/** The records of one request from its rows (at least one, however few devices it names). */
function namedRecords<D extends NamedDevice>(rows: RequestRow[], device: (row: RequestRow) => D): NamedRecords<D> {
  const first = rows[0]!;
  return {
    user: first.user_id === null ? undefined : toUser(first as UserRow),
    token: first.token_user_id === null ? undefined : { userId: first.token_user_id, platId: first.token_plat_id!, expiresAt: new Date(first.expires_at!) },
    devices: rows.filter((r) => r.n !== null).map((r) => (r.device_id === null ? undefined : device(r))),
  };
}

async function find(db: Queryable, names: RequestNames): Promise<NamedRecords<NamedDevice>> {
  const { rows } = await db.query<RequestRow>(FIND_SQL, [names.userId, names.tokenHash, names.deviceIds], { name: 'requests.find' });
  return namedRecords(rows, (r) => ({ device: toDevice(r as DeviceRow), bound: r.bound! }));
}

async function findForChange(db: Queryable, requests: RequestNames[]): Promise<NamedRecords<NamedDevice & DeviceToChange>[]> {
  const { rows } = await db.query<RequestRow & { q: string }>(
    FIND_FOR_CHANGE_SQL,
    [
      requests.map((r) => r.userId),
      requests.map((r) => r.tokenHash),
      requests.flatMap((r, i) => r.deviceIds.map(() => i + 1)),
      requests.flatMap((r) => r.deviceIds),
    ],
    { name: 'requests.findForChange' },
  );
  const rowsOf = requests.map((): RequestRow[] => []);
  for (const row of rows) rowsOf[Number(row.q) - 1]!.push(row);
  return rowsOf.map((own) => namedRecords(own, (r) => ({ device: toDevice(r as DeviceRow), bound: r.bound!, reportTo: r.report_to! })));
}

const RECORD = `WITH states AS (
    UPDATE devices d SET attrs = s.attrs::jsonb, online = s.online, version = d.version + 1, updated_at = now()
    FROM unnest($1::text[], $2::text[], $3::boolean[]) AS s(device_id, attrs, online)
    WHERE d.device_id = s.device_id
  ), reports AS (
    -- ids follow this order, and the outbox delivers each partner a device's reports in id order.
    INSERT INTO outbox (event_id, plat_id, device_id, data_type, payload)
    SELECT r.event_id, r.plat_id, r.device_id, r.data_type, r.payload::jsonb
    FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS r(event_id, plat_id, device_id, data_type, payload, n)
    ORDER BY r.n
  )
  -- Wakes the outbox workers once the transaction commits, naming the partners owed a report
  -- (PlatIDs hold no comma), so that only their deliveries look for it.
  SELECT pg_notify('outbox', array_to_string(ARRAY(SELECT DISTINCT unnest($5::text[])), ',')) WHERE cardinality($4::text[]) > 0`;

// One simulation per database schema, as the migrations lock (migrate.ts).
const SIMULATION_TURN = `SELECT pg_try_advisory_xact_lock(hashtextextended('cloud-interop simulation ' || current_schema(), 0)) AS turn`;

const infoColumns: Record<keyof DeviceInfoFields, string> = {
  deviceType: 'device_type',
  model: 'model',
  manufacturer: 'manufacturer',
  brand: 'brand',
  accessWay: 'access_way',
};

/** `(… AND …) OR (…)` over the filters of 7.2.3, with its parameters numbered from `first`: the
 * rule of selects() (src/domain/device-filter.ts), in SQL so a list reads only what it returns. */
function filterSql(filters: DeviceFilter[], first: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const alternatives = filters.map((f) => {
    const terms: string[] = [];
    for (const [field, value] of Object.entries(f)) {
      if (value === undefined) continue;
      params.push(value);
      const at = `$${first + params.length - 1}`;
      if (field === 'deviceId') terms.push(`(d.device_id = ${at} OR d.udevice_id = ${at})`);
      else if (field === 'deviceType') terms.push(`(d.device_type = ${at} OR (length(${at}) = 5 AND left(d.device_type, 5) = ${at}))`);
      else terms.push(`d.${infoColumns[field as keyof DeviceInfoFields]} = ${at}`);
    }
    return terms.length ? `(${terms.join(' AND ')})` : 'TRUE';
  });
  return { sql: alternatives.length ? `(${alternatives.join(' OR ')})` : 'TRUE', params };
}

export function repositories(db: Queryable): Repositories {
  return {
    requests: {
      find: (names) => find(db, names),
      findForChange: (requests) => findForChange(db, requests),
    },
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
      async resolveForChange(id) {
        const { rows } = await db.query<DeviceRow & { report_to: string[] }>(
          `SELECT ${deviceColumns}, ${reportTo} FROM devices d WHERE d.device_id = $1 OR d.udevice_id = $1 LIMIT 1 FOR UPDATE`,
          [id],
        );
        const r = rows[0];
        return r && { device: toDevice(r), reportTo: r.report_to };
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
      async record(states, reports) {
        await db.query(
          RECORD,
          [
            states.map((s) => s.deviceId),
            states.map((s) => JSON.stringify(s.attrs)),
            states.map((s) => s.online),
            reports.map((r) => r.eventId),
            reports.map((r) => r.platId),
            reports.map((r) => r.deviceId),
            reports.map((r) => r.dataType),
            reports.map((r) => JSON.stringify(r.payload)),
          ],
          { name: 'devices.record' },
        );
      },
      async seed(d) {
        await db.query(
          `INSERT INTO devices (device_id, udevice_id, device_type, model, manufacturer, brand, access_way, attrs, online)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) ON CONFLICT (device_id) DO NOTHING`,
          [d.deviceId, d.udeviceId, d.deviceType, d.model, d.manufacturer, d.brand, d.accessWay, JSON.stringify(d.attrs), d.online],
        );
      },
      async listActiveForChange() {
        // The candidates of a simulation step: appliances in a cycle, heating, or regulating
        // temperature. The domain's step() decides which move; this only spares reading every device,
        // and test/store/simulation-candidates.test.ts holds it to leaving none out. Locked in
        // device_id order, as requests.findForChange locks.
        const { rows } = await db.query<DeviceRow & { report_to: string[] }>(
          `SELECT ${deviceColumns}, ${reportTo} FROM devices d
           WHERE d.online AND (d.attrs->>'runningstatus' IN ('1', '2', '3')
              OR (d.attrs->>'onOffStatus' = 'True' AND (d.attrs ? 'targetTemperature')))
           ORDER BY d.device_id FOR UPDATE`,
        );
        return rows.map((r) => ({ device: toDevice(r), reportTo: r.report_to }));
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
    simulation: {
      async takeTurn() {
        const { rows } = await db.query<{ turn: boolean }>(SIMULATION_TURN);
        return rows[0]!.turn;
      },
    },
  };
}

/**
 * The store over `db`. With a read cache, the hot reads (requests.find, tokens.findWithUser,
 * users.find) are served from it, and a transaction that changed a row it may hold returns only
 * once its own announcements reached the cache: the caller's next read sees the change.
 */
export function createStore(db: Database, cache?: ReadCache): Store {
  const top = repositories(db);
  if (cache === undefined) return { ...top, transaction: (fn) => db.transaction((tx) => fn(repositories(tx))) };
  return {
    ...top,
    requests: { ...top.requests, find: (names) => cache.find(names, top.requests.find) },
    users: { ...top.users, find: (userId) => cache.findUser(userId, top.users.find) },
    tokens: { ...top.tokens, findWithUser: (tokenHash) => cache.findToken(tokenHash, top.tokens.findWithUser) },
    transaction: (fn) => coherentTransaction(db, cache, fn),
  };
}

// Announced last, and only when the transaction changed a row the cache may hold (the triggers set
// the flag): the writer then waits for it. It travels with the COMMIT, so it takes no round trip.
const announceCommit = (payload: string) => {
  if (!/^[\w:.-]+$/.test(payload)) throw new Error(`a sync payload is a plain word, not ${JSON.stringify(payload)}`);
  return `SELECT pg_notify('${READ_CACHE_CHANNEL}', '${payload}') FROM (SELECT) AS once
  WHERE current_setting('cloud_interop.read_cache', true) = 'changed'`;
};

async function coherentTransaction<T>(db: Database, cache: ReadCache, fn: (repos: Repositories) => Promise<T>): Promise<T> {
  const sync = cache.expectSync();
  try {
    const beforeCommit = sync && { sql: announceCommit(sync.payload), rowCount: (count: number) => {
      if (count === 0) sync.cancel();
    } };
    const result = await db.transaction((tx) => fn(repositories(tx)), { beforeCommit });
    await sync?.arrived;
    return result;
  } catch (error) {
    sync?.cancel();
    throw error;
  }
}
