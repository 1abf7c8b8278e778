// Clause 7.1 and 6.6.1.2: A's users log in to this platform (verified by A), get a userID and an
// AccessToken, log out and unregister.
import { randomInt } from 'node:crypto';
import { refuse, RetCodes } from './errors.ts';
import type { NamedRecords, Partner, Repositories, Store, UserRecord } from './model.ts';
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
  async #joinFamily(repos: Repositories, user: UserRecord) {
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
    return resolveCaller(partner, { accessToken }, { user: found?.user, token: found?.token }, this.#now(), CallerRules.token);
  }

  /** A UserID named in a body, which must be a user of the calling partner. */
  async userOf(partner: Partner, userId: string): Promise<UserRecord> {
    return resolveCaller(partner, { accessToken: undefined, userId }, { user: await this.#store.users.find(userId), token: undefined }, this.#now(), CallerRules.user);
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

// Who is calling, by the rules of users and tokens (clause 6.6.1.2, 7.1, 7.2), over what the store
// found: one check per rule, and for each kind of request the order in which they refuse. The
// lookups of 7.2.6 and 7.2.7 find the user and the token together with the devices
// (Repositories.requests), so Devices resolves its callers here too.

/** What the store found of a request's UserID (or, for a token alone, the token's user) and AccessToken. */
export type FoundCaller = Pick<NamedRecords<unknown>, 'user' | 'token'>;

/** What a request says of its caller: the AccessToken header, the UserID of its body. */
export interface CallerNames {
  accessToken: string | undefined;
  userId?: string;
}

type Check = (partner: Partner, names: CallerNames, found: FoundCaller, now: Date) => void;

const checks = {
  /** RetCode 4010: a request that needs a token sent none. */
  tokenSent: (_partner, { accessToken }) => requireToken(accessToken),
  /** 4011 for a token that is unknown or another partner's, 4012 for an expired one. */
  tokenValid: (partner, _names, { token }, now) => {
    if (!token || token.platId !== partner.platId) refuse(RetCodes.TokenInvalid, 'AccessToken is not valid');
    if (token.expiresAt.getTime() <= now.getTime()) refuse(RetCodes.TokenExpired, 'AccessToken has expired; log in again');
  },
  /** 4011: the token is the UserID's (the foreign key pins a token to its user's platform). */
  tokenOfUser: (_partner, { userId }, { token }) => {
    if (token?.userId !== userId) refuse(RetCodes.TokenInvalid, `AccessToken does not belong to user ${userId}`);
  },
  /** 4011: the user the token was issued to still exists. */
  tokenUserExists: (_partner, _names, { user }) => {
    if (!user) refuse(RetCodes.TokenInvalid, 'AccessToken is not valid');
  },
  /** 4041: the UserID names a user of the calling partner. */
  userKnown: (partner, { userId }, { user }) => {
    if (!user || user.platId !== partner.platId) refuse(RetCodes.UnknownUser, `unknown user ${userId}`);
  },
} satisfies Record<string, Check>;

/** Each kind of request: the checks that apply, in the order their refusals take precedence. */
export const CallerRules = {
  /** The AccessToken header alone names the user (7.1.2, 7.1.3, 7.2.1–7.2.5). */
  token: [checks.tokenSent, checks.tokenValid, checks.tokenUserExists],
  /** A UserID of the calling partner, no token. */
  user: [checks.userKnown],
  /** 7.2.6 with a token (optional there, ERRATA E-32): an unknown user is refused as such whatever the token. */
  userWithToken: [checks.userKnown, checks.tokenSent, checks.tokenValid, checks.tokenOfUser],
  /** 7.2.7: the token is required and must be the UserID's. */
  tokenOfUser: [checks.tokenSent, checks.tokenValid, checks.tokenOfUser, checks.tokenUserExists],
} as const satisfies Record<string, readonly Check[]>;

/** The calling user, or the first refusal of `rules`. */
export function resolveCaller(partner: Partner, names: CallerNames, found: FoundCaller, now: Date, rules: readonly Check[]): UserRecord {
  for (const check of rules) check(partner, names, found, now);
  return found.user!;
}

export function requireToken(accessToken: string | undefined): asserts accessToken is string {
  if (!accessToken) refuse(RetCodes.TokenMissing, 'AccessToken header required');
}
