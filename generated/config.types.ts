// Generated from src/config.schema.json by `npm run generate` (scripts/config-types.ts). Do not edit.

export interface PlatformConfigFile {
  /**
   * This platform's PlatID, sent in replies and reports.
   */
  platId: string;
  listen?: {
    host?: string;
    port?: number;
  };
  /**
   * Serve HTTPS with mutual TLS (clause 6.6.1.1): partners must present a certificate issued by ca. The same certificate is this platform's client certificate towards partners.
   */
  tls?: {
    /**
     * PEM file of this platform's certificate (path relative to the config file).
     */
    cert: string;
    /**
     * PEM file of its private key.
     */
    key: string;
    /**
     * PEM file of the CA(s) partner certificates must chain to.
     */
    ca: string;
  };
  database?: {
    /**
     * PostgreSQL server; DATABASE_URL overrides it. Without it, the embedded PGlite store in dataDir.
     */
    url?: string;
    /**
     * PGlite data directory (relative to the working directory).
     */
    dataDir?: string;
    /**
     * PostgreSQL: the longest one statement may take, cancelled on the server and given up by the platform when the server does not answer; the request is then answered 503.
     */
    statementTimeoutMs?: number;
    /**
     * PostgreSQL: the longest a request waits for a pooled connection, or for a new one to open.
     */
    connectTimeoutMs?: number;
    /**
     * How many tokens, users and devices (each) the hot reads (7.2.6 status, every AccessToken check) keep in memory, least recently used forgotten first; kept coherent across instances by the store's announcements. 0 turns the cache off.
     */
    readCacheEntries?: number;
  };
  shutdown?: {
    /**
     * After SIGTERM or SIGINT: how long requests and report deliveries in flight may take to finish before they are cut off and their reports released for the next start.
     */
    graceMs?: number;
  };
  tokens?: {
    accessTokenTtlSeconds?: number;
  };
  limits?: {
    bodyBytes?: number;
    requestsPerSecondPerPartner?: number;
    verifyTimeoutMs?: number;
    deliveryTimeoutMs?: number;
  };
  delivery?: {
    /**
     * Reports in flight at once to one partner's data gateway (each of another device), and the most keep-alive connections open to it.
     */
    concurrencyPerPartner?: number;
    /**
     * How long delivered reports stay in the outbox before they are deleted.
     */
    retentionHours?: number;
    /**
     * Undelivered reports to one partner beyond which this platform pushes back: a 7.2.7 op that would report to that partner is refused with RetCode 429 and Retry-After until no more than half that many wait.
     */
    maxBacklog?: number;
  };
  simulation?: {
    /**
     * How often simulated appliances advance (wash phases, heating).
     */
    tickMs?: number;
    /**
     * Faults to inject by deviceID: waterHeatingErr (washing machines and water heaters raise it as a 7.2.8 alarm).
     */
    faults?: {
      [k: string]: "waterHeatingErr";
    };
  };
  /**
   * The A platforms whose users may use this platform, and to which it reports.
   */
  partners: {
    platId: string;
    /**
     * The AppID this platform issued to the partner.
     */
    appId: string;
    /**
     * CN or DNS name of the partner's client certificate (mutual TLS).
     */
    certificateName?: string;
    /**
     * Full URL of its 7.1.4 user verify interface.
     */
    verifyUrl: string;
    /**
     * Full URL of its 7.2.8 data gateway.
     */
    dataGatewayUrl?: string;
  }[];
  /**
   * This platform's own users, for the partner role: its user verify interface accepts these loginIDs with these AuthTokens.
   */
  localUsers?: {
    loginId: string;
    authToken: string;
  }[];
  /**
   * GB/T 43960 provisioning (openapi/gbt43960/NOTES.md I-18): registered applications and devices.
   */
  gbt43960?: {
    applications?: {
      appId: string;
      /**
       * As the AppSecret schema of openapi/gbt43960 requires.
       */
      appSecret: string;
      userId: string;
    }[];
    devices?: {
      devId: string;
      userId: string;
      secret: string;
      devName: string;
      devGroup?: string;
      devAdd?: string;
    }[];
  };
  /**
   * Appliances this platform serves, inserted at start unless present.
   */
  devices?: {
    deviceId: string;
    udeviceId?: string;
    deviceType: string;
    model?: string;
    manufacturer?: string;
    brand?: string;
    accessWay?: string;
  }[];
}

export interface ConfiguredValues {
  /**
   * This platform's PlatID, sent in replies and reports.
   */
  platId: string;
  listen: {
    host: string;
    port: number;
  };
  /**
   * Serve HTTPS with mutual TLS (clause 6.6.1.1): partners must present a certificate issued by ca. The same certificate is this platform's client certificate towards partners.
   */
  tls?: {
    /**
     * PEM file of this platform's certificate (path relative to the config file).
     */
    cert: string;
    /**
     * PEM file of its private key.
     */
    key: string;
    /**
     * PEM file of the CA(s) partner certificates must chain to.
     */
    ca: string;
  };
  database: {
    /**
     * PostgreSQL server; DATABASE_URL overrides it. Without it, the embedded PGlite store in dataDir.
     */
    url?: string;
    /**
     * PGlite data directory (relative to the working directory).
     */
    dataDir: string;
    /**
     * PostgreSQL: the longest one statement may take, cancelled on the server and given up by the platform when the server does not answer; the request is then answered 503.
     */
    statementTimeoutMs: number;
    /**
     * PostgreSQL: the longest a request waits for a pooled connection, or for a new one to open.
     */
    connectTimeoutMs: number;
    /**
     * How many tokens, users and devices (each) the hot reads (7.2.6 status, every AccessToken check) keep in memory, least recently used forgotten first; kept coherent across instances by the store's announcements. 0 turns the cache off.
     */
    readCacheEntries: number;
  };
  shutdown: {
    /**
     * After SIGTERM or SIGINT: how long requests and report deliveries in flight may take to finish before they are cut off and their reports released for the next start.
     */
    graceMs: number;
  };
  tokens: {
    accessTokenTtlSeconds: number;
  };
  limits: {
    bodyBytes: number;
    requestsPerSecondPerPartner: number;
    verifyTimeoutMs: number;
    deliveryTimeoutMs: number;
  };
  delivery: {
    /**
     * Reports in flight at once to one partner's data gateway (each of another device), and the most keep-alive connections open to it.
     */
    concurrencyPerPartner: number;
    /**
     * How long delivered reports stay in the outbox before they are deleted.
     */
    retentionHours: number;
    /**
     * Undelivered reports to one partner beyond which this platform pushes back: a 7.2.7 op that would report to that partner is refused with RetCode 429 and Retry-After until no more than half that many wait.
     */
    maxBacklog: number;
  };
  simulation: {
    /**
     * How often simulated appliances advance (wash phases, heating).
     */
    tickMs: number;
    /**
     * Faults to inject by deviceID: waterHeatingErr (washing machines and water heaters raise it as a 7.2.8 alarm).
     */
    faults: {
      [k: string]: "waterHeatingErr";
    };
  };
  /**
   * The A platforms whose users may use this platform, and to which it reports.
   */
  partners: {
    platId: string;
    /**
     * The AppID this platform issued to the partner.
     */
    appId: string;
    /**
     * CN or DNS name of the partner's client certificate (mutual TLS).
     */
    certificateName?: string;
    /**
     * Full URL of its 7.1.4 user verify interface.
     */
    verifyUrl: string;
    /**
     * Full URL of its 7.2.8 data gateway.
     */
    dataGatewayUrl?: string;
  }[];
  /**
   * This platform's own users, for the partner role: its user verify interface accepts these loginIDs with these AuthTokens.
   */
  localUsers: {
    loginId: string;
    authToken: string;
  }[];
  /**
   * GB/T 43960 provisioning (openapi/gbt43960/NOTES.md I-18): registered applications and devices.
   */
  gbt43960: {
    applications: {
      appId: string;
      /**
       * As the AppSecret schema of openapi/gbt43960 requires.
       */
      appSecret: string;
      userId: string;
    }[];
    devices: {
      devId: string;
      userId: string;
      secret: string;
      devName: string;
      devGroup?: string;
      devAdd?: string;
    }[];
  };
  /**
   * Appliances this platform serves, inserted at start unless present.
   */
  devices: {
    deviceId: string;
    udeviceId?: string;
    deviceType: string;
    model?: string;
    manufacturer?: string;
    brand?: string;
    accessWay?: string;
  }[];
}
