// What the GB/T 43960 domain needs from the store; src/store/gbt43960.ts implements it.

export interface GbtApp {
  appId: string;
  userId: string;
  secretSalt: string;
  secretHash: string;
}

export interface GbtDevice {
  devId: string;
  userId: string;
  secret: string;
  devName: string;
  devGroup: string;
  devAdd: string;
}

export interface GbtInterface {
  apiId: string;
  appId: string;
  apiName: string;
  apiPath: string;
  apiVersion: string;
  apiDesc: string;
}

export interface GbtStore {
  findApp(appId: string): Promise<GbtApp | undefined>;
  upsertApp(app: GbtApp): Promise<void>;
  insertToken(tokenHash: string, token: { appId: string; userId: string; expiresAt: Date }): Promise<void>;
  findToken(tokenHash: string): Promise<{ appId: string; userId: string; expiresAt: Date } | undefined>;
  findDevice(devId: string): Promise<GbtDevice | undefined>;
  upsertDevice(device: GbtDevice): Promise<void>;
  identifierOf(devId: string): Promise<string | undefined>;
  deviceWithIdentifier(identifier: string): Promise<{ devId: string; identifier: string } | undefined>;
  /** False when the identifier (ignoring ASCII case) already names a device. */
  saveIdentifier(devId: string, identifier: string): Promise<boolean>;
  insertGateway(gateway: { gatewId: string; userId: string; appId: string; gatewName: string; commCode: string; commUrl: string; iotType: string }): Promise<void>;
  /** False when the application already registered this apiPath and apiVersion. */
  insertInterface(api: GbtInterface): Promise<boolean>;
  listInterfaces(appId: string | undefined, offset: number, limit: number): Promise<{ total: number; items: GbtInterface[] }>;
}
