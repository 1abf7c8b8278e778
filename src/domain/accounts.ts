// Clause 7.1 and 6.6.1.2: A's users log in to this platform (verified by A), get a userID and an
// AccessToken, log out and unregister.
import { randomInt } from 'node:crypto';
import { InteropError, refuse, RetCodes } from './errors.ts';
import type { NamedRecords, Partner, Store, TokenRecord, UserRecord } from './model.ts';
import { hashToken, newAccessToken } from './tokens.ts';

export interface LoginUser {
  loginID: string;
  loginName?: string;
  email?: string | null;
  mobile?: string | null;
  status?: UserRecord['status'];
}

/** The A platform's 7.1.4 user verify interface, as seen from here. */
export interface UserVerifier {
  /** Resolves when A accepts the user; throws InteropError 4032 when A refuses, 502 when A cannot be reached. */
  verify(partner: Partner, request: { loginId: string; authToken: string }): Promise<void>;
}

export interface AccountsOptions {
  store: Store;
  verifier: UserVerifier;
  tokenTtlSeconds: number;
  now?: () => Date;
}

/** A userID: 18 digits like the standard's examples, random so ids reveal nothing. */
function newUserId(): string {
  return `${randomInt(1, 10)}${Array.from({ length: 17 }, () => randomInt(0, 10)).join('')}`;
}

export class Accounts {
  readonly #store: Store;
  readonly #verifier: UserVerifier;
  readonly #ttlMs: number;
  readonly #now: () => Date;

  constructor(options: AccountsOptions) {
    this.#store = options.store;
    this.#verifier = options.verifier;
    this.#ttlMs = options.tokenTtlSeconds * 1000;
    this.#now = options.now ?? (() => new Date());
  }

  /** 7.1.1: verify with A, then create the user on first login or reuse it, and issue a token. */
  async login(partner: Partner, user: LoginUser, profile: UserRecord['profile'] | undefined, authToken: string) {
    // Outside any transaction: the verify call is network I/O.
    await this.#verifier.verify(partner, { loginId: user.loginID, authToken });
    const { token, hash } = newAccessToken();
    const record = await this.#store.transaction(async (repos) => {
      const existing = await repos.users.findByLogin(partner.platId, user.loginID);
      const next: UserRecord = {
        userId: existing?.userId ?? newUserId(),
        platId: partner.platId,
        loginId: user.loginID,
        loginName: user.loginName ?? existing?.loginName ?? null,
        email: user.email !== undefined ? user.email : (existing?.email ?? null),
        mobile: user.mobile !== undefined ? user.mobile : (existing?.mobile ?? null),
        status: existing ? (user.status ?? existing.status) : '0',
        profile: profile ?? existing?.profile ?? {},
      };
      if (existing) await repos.users.update(next);
      else await repos.users.insert(next);
      await this.#joinFamily(repos, next);
      await repos.tokens.insert(hash, { userId: next.userId, platId: partner.platId, expiresAt: new Date(this.#now().getTime() + this.#ttlMs) });
      return next;
    });
    return { user: record, accessToken: token };
  }

  /**
   * Users of one A platform who share `UserProfile.familyId` trust each other (7.2.1 leaves the
   * creation of trust to the implementation): each login records the relation both ways.
   */
  async #joinFamily(repos: Parameters<Parameters<Store['transaction']>[0]>[0], user: UserRecord) {
    const familyId = user.profile.familyId;
    if (typeof familyId !== 'string' || familyId === '') return;
    for (const member of await repos.users.findByFamily(user.platId, familyId)) {
      if (member === user.userId) continue;
      await repos.trust.grant(member, user.userId);
      await repos.trust.grant(user.userId, member);
    }
  }

  /** The user a token belongs to, for the calling partner; refuses missing, unknown, foreign and expired tokens. */
  async authenticate(partner: Partner, accessToken: string | undefined): Promise<UserRecord> {
    requireToken(accessToken);
    const found = await this.#store.tokens.findWithUser(hashToken(accessToken));
    checkToken(partner, found?.token, this.#now());
    if (!found?.user) refuse(RetCodes.TokenInvalid, 'AccessToken is not valid');
    return found.user;
  }

  /** A UserID named in a body, which must be a user of the calling partner. */
  async userOf(partner: Partner, userId: string): Promise<UserRecord> {
    return partnerUser(partner, userId, await this.#store.users.find(userId));
  }

  /** 7.1.2: the token stops working. */
  async logout(partner: Partner, accessToken: string | undefined): Promise<void> {
    await this.authenticate(partner, accessToken);
    // In a transaction: it returns once this process's read cache has dropped the token (other
    // instances drop it as the store's announcement reaches them).
    await this.#store.transaction((repos) => repos.tokens.delete(hashToken(accessToken!)));
  }

  /** 7.1.3: the account, its tokens and its bindings are removed. */
  async unregister(partner: Partner, accessToken: string | undefined, user: { loginID: string }): Promise<void> {
    const owner = await this.authenticate(partner, accessToken);
    if (owner.loginId !== user.loginID) refuse(RetCodes.TokenInvalid, `AccessToken does not belong to loginID ${user.loginID}`);
    await this.#store.transaction((repos) => repos.users.delete(owner.userId));
  }
}

// The rules of users and tokens, over what the store found: the lookups of 7.2.6 and 7.2.7 find
// the user and the token together with the devices (Repositories.requests), so Devices applies
// them too.

/** What the store found of a request's UserID and AccessToken. */
export type FoundCaller = Pick<NamedRecords<unknown>, 'user' | 'token'>;

export function requireToken(accessToken: string | undefined): asserts accessToken is string {
  if (!accessToken) refuse(RetCodes.TokenMissing, 'AccessToken header required');
}

/** A token that was sent must be known, the calling partner's and unexpired. */
function checkToken(partner: Partner, token: TokenRecord | undefined, now: Date): asserts token is TokenRecord {
  if (!token || token.platId !== partner.platId) refuse(RetCodes.TokenInvalid, 'AccessToken is not valid');
  if (token.expiresAt.getTime() <= now.getTime()) refuse(RetCodes.TokenExpired, 'AccessToken has expired; log in again');
}

/** A UserID named in a body must be a user of the calling partner. */
function partnerUser(partner: Partner, userId: string, user: UserRecord | undefined): UserRecord {
  if (!user || user.platId !== partner.platId) refuse(RetCodes.UnknownUser, `unknown user ${userId}`);
  return user;
}

/**
 * The user of a body that comes with an optional AccessToken (7.2.6, ERRATA E-32), when the token,
 * if any, is valid and theirs. The refusals are those of userOf, then of authenticate, in that
 * order: an unknown user is refused as such whatever the token.
 */
export function userWithToken(partner: Partner, userId: string, accessToken: string | undefined, found: FoundCaller, now: Date): UserRecord {
  if (accessToken === undefined) return partnerUser(partner, userId, found.user);
  let tokenRefusal: InteropError | undefined;
  try {
    requireToken(accessToken);
    checkToken(partner, found.token, now);
    // The token pins its user to its platform (foreign key), which checkToken found to be the caller.
    if (found.token.userId === userId && found.user) return found.user;
  } catch (error) {
    if (!(error instanceof InteropError)) throw error;
    tokenRefusal = error;
  }
  partnerUser(partner, userId, found.user);
  if (tokenRefusal) throw tokenRefusal;
  refuse(RetCodes.TokenInvalid, `AccessToken does not belong to user ${userId}`);
}

/** The user of a required AccessToken (checked present with requireToken before the lookup), who
 * must be the user the body names (7.2.7): the refusals of authenticate, then that one. */
export function tokenOwner(partner: Partner, userId: string, found: FoundCaller, now: Date): UserRecord {
  checkToken(partner, found.token, now);
  if (found.token.userId !== userId) refuse(RetCodes.TokenInvalid, `AccessToken does not belong to user ${userId}`);
  if (!found.user) refuse(RetCodes.TokenInvalid, 'AccessToken is not valid');
  return found.user;
}
