// The platform's records and the store interfaces the domain needs; src/store implements them.

export interface Partner {
  /** The partner platform's PlatID. */
  platId: string;
  /** The AppID this platform issued to it (table 9). */
  appId: string;
  /** Name in its client certificate (subject CN or a DNS SAN) that identifies it under mutual TLS. */
  certificateName?: string;
  /** Full URL of its 7.1.4 user verify interface. */
  verifyUrl: string;
  /** Full URL of its 7.2.8 data gateway, where this platform reports; none: it gets no reports. */
  dataGatewayUrl?: string;
}

export interface UserRecord {
  userId: string;
  platId: string;
  loginId: string;
  loginName: string | null;
  email: string | null;
  mobile: string | null;
  status: '0' | '1' | '2' | '3';
  profile: Record<string, string | number | boolean | null>;
}

export interface TokenRecord {
  userId: string;
  platId: string;
  expiresAt: Date;
}

export interface DeviceRecord {
  deviceId: string;
  udeviceId: string | null;
  deviceType: string;
  model: string | null;
  manufacturer: string | null;
  brand: string | null;
  accessWay: string | null;
  attrs: Record<string, string>;
  online: boolean;
}

export type DeviceInfoFields = Partial<Pick<DeviceRecord, 'deviceType' | 'model' | 'manufacturer' | 'brand' | 'accessWay'>>;

/** A 7.2.3 filter: every given field must match; a 5-digit deviceType matches its minor classes. */
export type DeviceFilter = DeviceInfoFields & { deviceId?: string };

export interface OutboxReport {
  eventId: string;
  platId: string;
  deviceId: string;
  dataType: 'attr' | 'alarm' | 'onOffline';
  /** The full 7.2.8 body. */
  payload: Record<string, unknown>;
}

export interface Repositories {
  users: {
    find(userId: string): Promise<UserRecord | undefined>;
    findByLogin(platId: string, loginId: string): Promise<UserRecord | undefined>;
    insert(user: UserRecord): Promise<void>;
    update(user: UserRecord): Promise<void>;
    delete(userId: string): Promise<boolean>;
    /** Users of one partner platform whose profile carries this familyId. */
    findByFamily(platId: string, familyId: string): Promise<string[]>;
  };
  tokens: {
    insert(tokenHash: string, token: TokenRecord): Promise<void>;
    find(tokenHash: string): Promise<TokenRecord | undefined>;
    /** The token with its user in one lookup: every authenticated request asks for both. */
    findWithUser(tokenHash: string): Promise<{ token: TokenRecord; user: UserRecord | undefined } | undefined>;
    delete(tokenHash: string): Promise<boolean>;
    deleteExpired(now: Date): Promise<number>;
  };
  devices: {
    /** By the platform's own device code or by UDeviceID (the mapping of the note to 7.2.1). */
    resolve(deviceIdOrUdid: string): Promise<DeviceRecord | undefined>;
    /** resolve, and whether the device is bound to this user, in one lookup. */
    resolveFor(userId: string, deviceIdOrUdid: string): Promise<{ device: DeviceRecord; bound: boolean } | undefined>;
    listBoundTo(userId: string, filters: DeviceFilter[]): Promise<DeviceRecord[]>;
    updateInfo(deviceId: string, fields: DeviceInfoFields): Promise<void>;
    updateState(deviceId: string, attrs: Record<string, string>, online: boolean): Promise<void>;
    /** Inserts the device unless a device with its id exists. */
    seed(device: DeviceRecord): Promise<void>;
    listActive(): Promise<DeviceRecord[]>;
  };
  bindings: {
    usersOf(deviceId: string): Promise<{ userId: string; platId: string }[]>;
    isBound(userId: string, deviceId: string): Promise<boolean>;
    bind(userId: string, deviceId: string): Promise<void>;
    unbind(userId: string, deviceId: string): Promise<boolean>;
  };
  trust: {
    trusts(ownerUserId: string, userId: string): Promise<boolean>;
    grant(ownerUserId: string, trustedUserId: string): Promise<void>;
  };
  outbox: {
    enqueue(reports: OutboxReport[]): Promise<void>;
  };
}

export interface Store extends Repositories {
  /** Runs `fn` in one transaction; the repositories it gets act inside it. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}
