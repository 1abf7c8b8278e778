// What the hot reads need (7.2.6 status, every token check), held in the process: tokens, users
// and devices with what is known of their bindings, loaded on demand, bounded (LRU), and kept
// coherent by the database itself. Triggers (migration read_cache_announcements) announce every change of such a row on
// the channel read_cache after commit, to every instance; a write transaction of this process
// waits until its own announcements have arrived here before it returns, so its caller's next
// read sees the change. While the LISTEN connection is lost the cache is emptied and bypassed
// (announcements may have been missed), until it listens again.
import type { NamedDevice, NamedRecords, RequestNames, TokenRecord, UserRecord } from '../domain/model.ts';
import type { Database } from './database.ts';
import { Lru } from './lru.ts';

export const READ_CACHE_CHANNEL = 'read_cache';

export interface ReadCacheOptions {
  /** Entries per kind (tokens, users, devices): memory stays bounded whatever the store holds. */
  maxEntries: number;
  /** How long a write waits for its own announcements before it empties the cache instead. */
  syncTimeoutMs?: number;
  onBackgroundError?: (error: Error) => void;
}

interface DeviceEntry {
  device: NamedDevice['device'];
  /** Whether each user asked about so far has bound it: a binding changes the device's entry. */
  bound: Map<string, boolean>;
}

/** A read from the store in flight: announcements that arrive meanwhile keep its rows out. */
interface Load {
  changed: Set<string>;
  everything: boolean;
}

/** A write's wait for its own announcements: `payload` is what it sends last. */
export interface Sync {
  payload: string;
  arrived: Promise<void>;
  cancel(): void;
}

// A device is asked about by its users; more answers than this are dropped, not accumulated.
const BOUND_ANSWERS = 32;
const DEFAULT_SYNC_TIMEOUT_MS = 1_000;

const userKey = (userId: string) => `u:${userId}`;
const tokenKey = (hash: string) => `t:${hash}`;
const deviceKey = (deviceId: string) => `d:${deviceId}`;
const aliasKey = (udeviceId: string) => `a:${udeviceId}`;

export class ReadCache {
  readonly #users: Lru<string, UserRecord>;
  readonly #tokens: Lru<string, TokenRecord>;
  readonly #devices: Lru<string, DeviceEntry>;
  /** UDeviceID → deviceID (clause 6.4): requests may name a device either way. */
  readonly #aliases: Lru<string, string>;
  readonly #loads = new Set<Load>();
  readonly #syncs = new Map<string, () => void>();
  readonly #syncTimeoutMs: number;
  readonly #instance = Math.random().toString(36).slice(2);
  #sequence = 0;
  #listening = false;
  #unlisten: (() => Promise<void>) | undefined;

  private constructor(options: ReadCacheOptions) {
    this.#users = new Lru(options.maxEntries);
    this.#tokens = new Lru(options.maxEntries);
    this.#devices = new Lru(options.maxEntries);
    this.#aliases = new Lru(options.maxEntries);
    this.#syncTimeoutMs = options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  }

  /** Listens on the database's announcements; the cache serves once that listening has begun. */
  static async open(db: Database, options: ReadCacheOptions): Promise<ReadCache> {
    const cache = new ReadCache(options);
    cache.#unlisten = await db.listen(READ_CACHE_CHANNEL, (payload) => cache.#announced(payload), (listening) => cache.#subscription(listening));
    cache.#listening = true;
    return cache;
  }

  /** Entries held, of each kind. */
  get sizes(): { users: number; tokens: number; devices: number } {
    return { users: this.#users.size, tokens: this.#tokens.size, devices: this.#devices.size };
  }

  get listening(): boolean {
    return this.#listening;
  }

  /** requests.find from memory when every part of it is held; else `load`, whose rows are kept. */
  async find(names: RequestNames, load: (names: RequestNames) => Promise<NamedRecords<NamedDevice>>): Promise<NamedRecords<NamedDevice>> {
    const held = this.#listening ? this.#compose(names) : undefined;
    if (held !== undefined) return held;
    return this.#loading(
      () => load(names),
      (found, fresh) => {
        if (found.user && fresh(userKey(found.user.userId))) this.#users.set(found.user.userId, found.user);
        if (found.token && names.tokenHash !== null && fresh(tokenKey(names.tokenHash))) this.#tokens.set(names.tokenHash, found.token);
        for (const named of found.devices) if (named) this.#keepDevice(named, names.userId, fresh);
      },
    );
  }

  /** tokens.findWithUser from memory, or `load`. */
  async findToken(
    tokenHash: string,
    load: (tokenHash: string) => Promise<{ token: TokenRecord; user: UserRecord | undefined } | undefined>,
  ): Promise<{ token: TokenRecord; user: UserRecord | undefined } | undefined> {
    if (this.#listening) {
      const token = this.#tokens.get(tokenHash);
      const user = token && this.#users.get(token.userId);
      if (token && user) return { token, user };
    }
    return this.#loading(
      () => load(tokenHash),
      (found, fresh) => {
        if (!found) return;
        if (fresh(tokenKey(tokenHash))) this.#tokens.set(tokenHash, found.token);
        if (found.user && fresh(userKey(found.user.userId))) this.#users.set(found.user.userId, found.user);
      },
    );
  }

  /** users.find from memory, or `load`. */
  async findUser(userId: string, load: (userId: string) => Promise<UserRecord | undefined>): Promise<UserRecord | undefined> {
    const held = this.#listening ? this.#users.get(userId) : undefined;
    if (held !== undefined) return held;
    return this.#loading(
      () => load(userId),
      (user, fresh) => {
        if (user && fresh(userKey(userId))) this.#users.set(userId, user);
      },
    );
  }

  /**
   * For a write transaction about to commit: the payload to announce last, and the wait for it to
   * arrive here. Undefined while not listening: the cache is bypassed, so nothing waits.
   */
  expectSync(): Sync | undefined {
    if (!this.#listening) return undefined;
    const payload = `sync:${this.#instance}:${(this.#sequence += 1)}`;
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#syncs.delete(payload);
        resolve();
      };
      this.#syncs.set(payload, done);
      timer = setTimeout(() => {
        // Its announcements may be lost or late: nothing held can be trusted.
        this.#clear();
        done();
      }, this.#syncTimeoutMs);
      timer.unref();
    });
    return { payload, arrived, cancel: () => this.#syncs.get(payload)?.() };
  }

  async close(): Promise<void> {
    this.#listening = false;
    this.#clear();
    await this.#unlisten?.();
  }

  #compose(names: RequestNames): NamedRecords<NamedDevice> | undefined {
    const user = this.#users.get(names.userId);
    if (user === undefined) return undefined;
    let token: TokenRecord | undefined;
    if (names.tokenHash !== null) {
      token = this.#tokens.get(names.tokenHash);
      if (token === undefined) return undefined;
    }
    const devices: NamedDevice[] = [];
    for (const id of names.deviceIds) {
      const entry = this.#devices.get(this.#aliases.get(id) ?? id);
      const bound = entry?.bound.get(names.userId);
      if (bound === undefined) return undefined;
      devices.push({ device: entry!.device, bound });
    }
    return { user, token, devices };
  }

  #keepDevice({ device, bound }: NamedDevice, userId: string, fresh: (key: string) => boolean): void {
    if (!fresh(deviceKey(device.deviceId))) return;
    const held = this.#devices.get(device.deviceId);
    // Held and not announced as changed since this load began: it is what the store holds.
    const entry = held ?? { device, bound: new Map<string, boolean>() };
    entry.device = device;
    if (entry.bound.size >= BOUND_ANSWERS) entry.bound.clear();
    entry.bound.set(userId, bound);
    if (!held) this.#devices.set(device.deviceId, entry);
    if (device.udeviceId !== null && fresh(aliasKey(device.udeviceId))) this.#aliases.set(device.udeviceId, device.deviceId);
  }

  async #loading<T>(load: () => Promise<T>, keep: (found: T, fresh: (key: string) => boolean) => void): Promise<T> {
    if (!this.#listening) return load();
    const pending: Load = { changed: new Set(), everything: false };
    this.#loads.add(pending);
    try {
      const found = await load();
      if (this.#listening && !pending.everything) keep(found, (key) => !pending.changed.has(key));
      return found;
    } finally {
      this.#loads.delete(pending);
    }
  }

  #announced(payload: string): void {
    if (payload.startsWith('sync:')) {
      this.#syncs.get(payload)?.();
      return;
    }
    for (const load of this.#loads) load.changed.add(payload);
    const id = payload.slice(2);
    switch (payload[0]) {
      case 'u':
        this.#users.delete(id);
        break;
      case 't':
        this.#tokens.delete(id);
        break;
      case 'd':
        this.#devices.delete(id);
        break;
      case 'a':
        this.#aliases.delete(id);
        break;
    }
  }

  #subscription(listening: boolean): void {
    // Lost: what was announced meanwhile is unknown. Back: start from nothing.
    this.#clear();
    this.#listening = listening;
  }

  #clear(): void {
    this.#users.clear();
    this.#tokens.clear();
    this.#devices.clear();
    this.#aliases.clear();
    for (const load of this.#loads) load.everything = true;
    // Writes waiting for their announcements need them no more: nothing is held.
    for (const done of [...this.#syncs.values()]) done();
  }
}
