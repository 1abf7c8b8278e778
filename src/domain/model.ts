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

/** A 7.2.3 filter: the fields a list request names, each a value to match (selects() in device-filter.ts). */
export type DeviceFilter = { [K in keyof DeviceInfoFields]?: string } & { deviceId?: string };

export interface OutboxReport {
  eventId: string;
  platId: string;
  deviceId: string;
  dataType: 'attr' | 'alarm' | 'onOffline';
  /** The full 7.2.8 body. */
  payload: Record<string, unknown>;
}

/** A device's state as a change leaves it. */
export type DeviceState = Pick<DeviceRecord, 'deviceId' | 'attrs' | 'online'>;

/** What a request names: a UserID, the AccessToken it came with (by hash) if any, and devices by
 * deviceID or UDeviceID (the mapping of the note to 7.2.1). */
export interface RequestNames {
  userId: string;
  tokenHash: string | null;
  deviceIds: string[];
}

/** What the store holds of the names of a request. */
export interface NamedRecords<D> {
  /** The user with that UserID, whichever platform's it is. */
  user: UserRecord | undefined;
  /** The AccessToken, when a hash was given and is known. A token's user always exists (foreign key). */
  token: TokenRecord | undefined;
  /** Each device in the order named; undefined where no device has that id. */
  devices: (D | undefined)[];
}

/** A device named in a request, and whether it is bound to the user the request names. */
export interface NamedDevice {
  device: DeviceRecord;
  bound: boolean;
}

/** A device about to change, its row locked until the transaction ends. */
export interface DeviceToChange {
  device: DeviceRecord;
  /** The partner platforms its reports go to (reportRecipients() in report-recipients.ts). */
  reportTo: string[];
}

export interface Repositories {
  /** The records one request names, found together: one statement however many it names. */
  requests: {
    find(names: RequestNames): Promise<NamedRecords<NamedDevice>>;
    /**
     * find for requests that change the devices, inside a transaction: one statement for all the
     * requests (a group committed together), their records in the order of the requests. The rows
     * of every device they name stay locked until the transaction ends, so two changes of one
     * device (from two groups, or two processes on one PostgreSQL) take turns instead of one
     * overwriting the other.
     */
    findForChange(requests: RequestNames[]): Promise<NamedRecords<NamedDevice & DeviceToChange>[]>;
  };
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
    /** The token with its user in one lookup: authenticated requests ask for both. */
    findWithUser(tokenHash: string): Promise<{ token: TokenRecord; user: UserRecord | undefined } | undefined>;
    delete(tokenHash: string): Promise<boolean>;
    deleteExpired(now: Date): Promise<number>;
  };
  devices: {
    /** By the platform's own device code or by UDeviceID (the mapping of the note to 7.2.1). */
    resolve(deviceIdOrUdid: string): Promise<DeviceRecord | undefined>;
    /** resolve, inside a transaction, for a change: as requests.findForChange. */
    resolveForChange(deviceIdOrUdid: string): Promise<DeviceToChange | undefined>;
    listBoundTo(userId: string, filters: DeviceFilter[]): Promise<DeviceRecord[]>;
    updateInfo(deviceId: string, fields: DeviceInfoFields): Promise<void>;
    /** New states, one per device, and the reports they cause (7.2.8), in the order given, in one
     * statement; the outbox workers are woken when the transaction commits. */
    record(states: DeviceState[], reports: OutboxReport[]): Promise<void>;
    /** Inserts the device unless a device with its id exists. */
    seed(device: DeviceRecord): Promise<void>;
    /** The devices the simulation moves (in a cycle, heating, regulating a temperature), inside a
     * transaction, locked as requests.findForChange locks. */
    listActiveForChange(): Promise<DeviceToChange[]>;
  };
  bindings: {
    usersOf(deviceId: string): Promise<{ userId: string; platId: string }[]>;
    bind(userId: string, deviceId: string): Promise<void>;
    unbind(userId: string, deviceId: string): Promise<boolean>;
  };
  trust: {
    trusts(ownerUserId: string, userId: string): Promise<boolean>;
    grant(ownerUserId: string, trustedUserId: string): Promise<void>;
  };
  simulation: {
    /**
     * Whether this transaction may step the simulation: false while another process on the same
     * database is stepping it. Ends with the transaction.
     */
    takeTurn(): Promise<boolean>;
  };
}

export interface Store extends Repositories {
  /** Runs `fn` in one transaction; the repositories it gets act inside it. A change that the
   * next read must see goes through here: it returns once a read cache, if any, has heard of it. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}
