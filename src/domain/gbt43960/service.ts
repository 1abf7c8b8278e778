// GB/T 43960-2024 (openapi/gbt43960/NOTES.md): application tokens (clause 9, I-13/I-14), device
// security authentication (A.2.4, I-03), device query (A.2.5), edge gateways (A.2.6), device
// identifiers (A.2.7, I-11/I-12) and interface registration (clause 9, I-15).
import { createHash, createHmac, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { refuseGbt, Statuses } from './errors.ts';
import type { GbtStore } from './model.ts';

const TOKEN_TTL_SECONDS = 7200;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function hashSecret(secret: string, salt = randomBytes(16).toString('hex')): { salt: string; hash: string } {
  return { salt, hash: scryptSync(secret, salt, 32).toString('hex') };
}

/** devSign of I-03: lowercase hex HMAC-SHA256(key = the device's secret, message = devId). */
export function deviceSignature(secret: string, devId: string): string {
  return createHmac('sha256', secret).update(devId).digest('hex');
}

export interface Caller {
  userId: string;
  appId: string;
}

export class GbtService {
  readonly #store: GbtStore;
  readonly #now: () => Date;

  constructor(store: GbtStore, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#now = now;
  }

  /** /token: a registered application's credentials for a token (one msg for every refusal, I-13). */
  async issueToken(userId: string, appId: string, appSecret: string) {
    const app = await this.#store.findApp(appId);
    const expected = app && Buffer.from(app.secretHash, 'hex');
    const given = app && Buffer.from(hashSecret(appSecret, app.secretSalt).hash, 'hex');
    if (!app || app.userId !== userId || !expected || !given || !timingSafeEqual(expected, given)) {
      refuseGbt(Statuses.AppAuthFailed, 'unknown appId or wrong appSecret');
    }
    const token = randomBytes(32).toString('base64url');
    await this.#store.insertToken(sha256(token), { appId, userId, expiresAt: new Date(this.#now().getTime() + TOKEN_TTL_SECONDS * 1000) });
    return { access_token: token, expires_in: TOKEN_TTL_SECONDS };
  }

  /** Every interface with x-body-token: the token must be this userId's and unexpired (I-14). */
  async authenticate(userId: string, accessToken: string | undefined): Promise<Caller> {
    const token = accessToken === undefined ? undefined : await this.#store.findToken(sha256(accessToken));
    if (!token || token.userId !== userId) refuseGbt(Statuses.TokenInvalid, 'access_token is not valid for this userId');
    if (token.expiresAt.getTime() <= this.#now().getTime()) refuseGbt(Statuses.TokenExpired, 'access_token has expired; request a new one at /token');
    return { userId, appId: token.appId };
  }

  async #deviceOf(caller: Caller, devId: string) {
    const device = await this.#store.findDevice(devId);
    // Another user's device is reported as unknown: its existence is not revealed (I-06).
    if (!device || device.userId !== caller.userId) refuseGbt(Statuses.UnknownDevice, `unknown device ${devId}`);
    return device;
  }

  /** A.2.4: the signature is recomputed and compared in constant time, never compared as sent. */
  async authenticateDevice(caller: Caller, devId: string, devSign: string): Promise<void> {
    const device = await this.#deviceOf(caller, devId);
    const expected = Buffer.from(deviceSignature(device.secret, devId), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(devSign, 'hex'))) refuseGbt(Statuses.SignatureMismatch, `signature mismatch for device ${devId}`);
  }

  /** A.2.5 */
  async queryDevice(caller: Caller, devId: string) {
    const d = await this.#deviceOf(caller, devId);
    return { devName: d.devName, devGroup: d.devGroup, devAdd: d.devAdd };
  }

  /** A.2.6: the codes and URL were checked against each other by the schema (I-07 … I-09). */
  async createGateway(caller: Caller, g: { gatewName: string; commCode: string; commUrl: string; iotType: string }) {
    const gatewId = randomUUID();
    await this.#store.insertGateway({ gatewId, userId: caller.userId, appId: caller.appId, ...g });
    return { gatewId };
  }

  /** A.2.7: one identifier per device, one device per identifier, saved once (I-11). */
  async saveIdentifier(caller: Caller, devId: string, identifier: string): Promise<void> {
    await this.#deviceOf(caller, devId);
    const current = await this.#store.identifierOf(devId);
    const folded = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (current !== undefined) {
      if (folded(current) === folded(identifier)) return;
      refuseGbt(Statuses.Duplicate, `device ${devId} already has the identifier ${current}`);
    }
    if (!(await this.#store.saveIdentifier(devId, identifier))) refuseGbt(Statuses.Duplicate, `identifier ${identifier} is saved for another device`);
  }

  /** I-12: by devId or by identifier, among the caller's devices only. */
  async queryIdentifier(caller: Caller, by: { devId?: string; devIdentifier?: string }) {
    if (by.devId !== undefined) {
      await this.#deviceOf(caller, by.devId);
      const identifier = await this.#store.identifierOf(by.devId);
      if (identifier === undefined) refuseGbt(Statuses.UnknownIdentifier, `device ${by.devId} has no identifier`);
      return { devId: by.devId, devIdentifier: identifier };
    }
    const found = await this.#store.deviceWithIdentifier(by.devIdentifier!);
    const device = found && (await this.#store.findDevice(found.devId));
    if (!found || !device || device.userId !== caller.userId) refuseGbt(Statuses.UnknownIdentifier, `no device of this user has the identifier ${by.devIdentifier}`);
    return { devId: found.devId, devIdentifier: found.identifier };
  }

  /** I-15 */
  async registerInterface(caller: Caller, api: { apiName: string; apiPath: string; apiVersion: string; apiDesc: string }) {
    const apiId = randomUUID();
    if (!(await this.#store.insertInterface({ apiId, appId: caller.appId, ...api }))) {
      refuseGbt(Statuses.Duplicate, `application ${caller.appId} already registered ${api.apiPath} ${api.apiVersion}`);
    }
    return { apiId };
  }

  /** I-15: defaults pageNo 1 and pageSize 20 are applied here, not in the schema (see NOTES). */
  async listInterfaces(query: { appId?: string; pageNo?: number; pageSize?: number }) {
    const pageNo = query.pageNo ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { total, items } = await this.#store.listInterfaces(query.appId, (pageNo - 1) * pageSize, pageSize);
    return { total, apiList: items };
  }
}
