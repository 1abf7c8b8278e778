// Clause 7.1 and 6.6.1.2: A's users log in to this platform (verified by A), get a userID and an
// AccessToken, log out and unregister.
import { randomInt } from 'node:crypto';
import { InteropError, refuse, RetCodes } from './errors.ts';
import type { Partner, Store, UserRecord } from './model.ts';
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
    if (!accessToken) refuse(RetCodes.TokenMissing, 'AccessToken header required');
    // Token and user in one query: this runs on every 7.2.6 with a token and every 7.2.7.
    const found = await this.#store.tokens.findWithUser(hashToken(accessToken));
    if (!found || found.token.platId !== partner.platId) refuse(RetCodes.TokenInvalid, 'AccessToken is not valid');
    if (found.token.expiresAt.getTime() <= this.#now().getTime()) refuse(RetCodes.TokenExpired, 'AccessToken has expired; log in again');
    if (!found.user) refuse(RetCodes.TokenInvalid, 'AccessToken is not valid');
    return found.user;
  }

  /**
   * The UserID of a body that comes with an optional AccessToken (7.2.6, ERRATA E-32): the user,
   * when the token, if any, is valid and theirs. The refusals are those of userOf then
   * authenticate, in that order; in the usual case (the user's own token) one query answers both.
   */
  async userWithToken(partner: Partner, userId: string, accessToken: string | undefined): Promise<UserRecord> {
    if (accessToken === undefined) return this.userOf(partner, userId);
    let owner: UserRecord | undefined;
    let tokenRefusal: unknown;
    try {
      owner = await this.authenticate(partner, accessToken);
    } catch (error) {
      if (!(error instanceof InteropError)) throw error;
      tokenRefusal = error;
    }
    // The token's user belongs to the calling partner (authenticate checked it), so userOf would
    // find the same record.
    if (owner?.userId === userId) return owner;
    // userOf first, so an unknown user is refused as such whatever the token.
    await this.userOf(partner, userId);
    if (tokenRefusal) throw tokenRefusal;
    refuse(RetCodes.TokenInvalid, `AccessToken does not belong to user ${userId}`);
  }

  /** A UserID named in a body, which must be a user of the calling partner. */
  async userOf(partner: Partner, userId: string): Promise<UserRecord> {
    const user = await this.#store.users.find(userId);
    if (!user || user.platId !== partner.platId) refuse(RetCodes.UnknownUser, `unknown user ${userId}`);
    return user;
  }

  /** 7.1.2: the token stops working. */
  async logout(partner: Partner, accessToken: string | undefined): Promise<void> {
    await this.authenticate(partner, accessToken);
    await this.#store.tokens.delete(hashToken(accessToken!));
  }

  /** 7.1.3: the account, its tokens and its bindings are removed. */
  async unregister(partner: Partner, accessToken: string | undefined, user: { loginID: string }): Promise<void> {
    const owner = await this.authenticate(partner, accessToken);
    if (owner.loginId !== user.loginID) refuse(RetCodes.TokenInvalid, `AccessToken does not belong to loginID ${user.loginID}`);
    await this.#store.users.delete(owner.userId);
  }
}
