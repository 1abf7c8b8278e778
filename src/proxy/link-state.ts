// What the proxy remembers of a link between its exchanges, for the rules across messages: tokens
// and whose they are, which user bound which device, the last report of each device, EventIDs.
// Every map is bounded (least recently used forgotten first); what is forgotten is unknown again.
import { createHash } from 'node:crypto';
import { BoundedMap } from './bounded.ts';

export interface StateLimits {
  /** AccessTokens remembered (as hashes). */
  tokens: number;
  /** Users and devices whose bindings are remembered. */
  bindings: number;
  /** Devices whose last report is remembered, and EventIDs. */
  reports: number;
  /** Accepted ops waiting for their report. */
  pendingOps: number;
}

export const defaultLimits: StateLimits = { tokens: 100_000, bindings: 100_000, reports: 100_000, pendingOps: 10_000 };

export type TokenState = 'live' | 'logged-out' | 'unregistered';

export interface TokenFacts {
  userId: string | undefined;
  state: TokenState;
  /** When the proxy saw its state change (ms since the epoch). */
  at: number;
}

export interface Binding {
  bound: boolean;
  /** When the proxy saw it bound or unbound. */
  at: number;
}

/** A device as the bindings the proxy saw make it: who has it bound, and when that last changed. */
export interface DeviceOwners {
  users: Set<string>;
  changedAt: number;
}

/** Users of one device kept at most (a device shared by trust has few). */
const OWNERS_PER_DEVICE = 64;

// Tokens are secrets: the proxy keeps only their hashes.
export const tokenKey = (token: string) => createHash('sha256').update(token).digest('base64url');

export class LinkState {
  readonly tokens: BoundedMap<string, TokenFacts>;
  readonly userTokens: BoundedMap<string, Set<string>>;
  readonly bindings: BoundedMap<string, Binding>;
  readonly owners: BoundedMap<string, DeviceOwners>;
  readonly userDevices: BoundedMap<string, Set<string>>;

  constructor(readonly limits: StateLimits = defaultLimits) {
    this.tokens = new BoundedMap(limits.tokens);
    this.userTokens = new BoundedMap(limits.tokens);
    this.bindings = new BoundedMap(limits.bindings);
    this.owners = new BoundedMap(limits.bindings);
    this.userDevices = new BoundedMap(limits.bindings);
  }

  binding(userId: string, deviceId: string): Binding | undefined {
    return this.bindings.get(`${userId}\n${deviceId}`);
  }

  setBinding(userId: string, deviceId: string, bound: boolean, at: number): void {
    this.bindings.set(`${userId}\n${deviceId}`, { bound, at });
    const owners = this.owners.get(deviceId) ?? { users: new Set<string>(), changedAt: at };
    if (bound && owners.users.size < OWNERS_PER_DEVICE) owners.users.add(userId);
    if (!bound) owners.users.delete(userId);
    owners.changedAt = at;
    this.owners.set(deviceId, owners);
    const devices = this.userDevices.get(userId) ?? new Set<string>();
    if (bound && devices.size < OWNERS_PER_DEVICE * 16) devices.add(deviceId);
    this.userDevices.set(userId, devices);
  }

  /** A user who unregistered (7.1.3) has no bindings any more. */
  forgetUser(userId: string, at: number): void {
    for (const deviceId of this.userDevices.get(userId) ?? []) this.setBinding(userId, deviceId, false, at);
    this.userDevices.delete(userId);
  }

  setToken(token: string, facts: TokenFacts): void {
    const key = tokenKey(token);
    this.tokens.set(key, facts);
    if (facts.userId === undefined) return;
    const list = this.userTokens.get(facts.userId) ?? new Set<string>();
    list.add(key);
    this.userTokens.set(facts.userId, list);
  }
}
