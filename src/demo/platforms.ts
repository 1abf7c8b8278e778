// The demo's two platforms on loopback: A (the user's own cloud, MB-JDAPP-0000) and B (the
// appliance maker's cloud, PARTNER-Haier-0000). Each has its own PGlite store, PlatID and
// certificate, and lists the other as its partner, named by certificate, over https.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Logger } from 'pino';
import { configFrom, type PlatformConfig } from '../config.ts';
import { startPlatform, type RunningPlatform } from '../platform.ts';
import { openDatabase, type Database } from '../store/database.ts';
import type { TlsFiles } from './certificates.ts';

export interface PlatformIdentity {
  platId: string;
  /** The AppID the other platform issued to this one (table 9). */
  appId: string;
}

export const A: PlatformIdentity = { platId: 'MB-JDAPP-0000', appId: '17592186044420' };
export const B: PlatformIdentity = { platId: 'PARTNER-Haier-0000', appId: '17592186044499' };

/** B's appliances: a drum washing machine known by its UDeviceID (clause 6.4's example) and an air purifier. */
export const WASHER = { deviceId: 'C89346112DD5', udeviceId: '0000060102002001C89346112DD5', deviceType: '02002001' } as const;
export const PURIFIER = { deviceId: '0009F1E2D3C4', deviceType: '03005001' } as const;
/** A's own appliance, which its linkage rule watches. */
export const AIR_CONDITIONER = { deviceId: '0007A88A184D', deviceType: '03001001' } as const;

export interface DemoPlatform {
  identity: PlatformIdentity;
  platform: RunningPlatform;
  db: Database;
}

export interface DemoPlatforms {
  a: DemoPlatform;
  b: DemoPlatform;
  /** A's user, whom A's 7.1.4 verify interface knows; the AuthToken is made per run. */
  user: { loginId: string; authToken: string };
  close(): Promise<void>;
}

/** A free loopback port: each platform's configuration names the other's URLs before either starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const appliance = (d: { deviceId: string; deviceType: string; udeviceId?: string }, model: string) => ({
  ...d,
  model,
  manufacturer: 'Demo Appliances',
  brand: 'Demo',
  accessWay: '1',
});

export interface StartOptions {
  /** Where the certificates are; the configurations' TLS paths are relative to it. */
  dir: string;
  pki: Map<string, TlsFiles>;
  log: Logger;
  /** The migrated store every platform starts from (each gets its own copy, in memory). */
  snapshot: Uint8Array;
  tickMs: number;
  /** The ports of A and B, when the caller chose them (to put something between them); free ones otherwise. */
  ports?: { a: number; b: number };
  /** Where B calls A's partner interfaces (7.1.4, 7.2.8), when not at A itself: a proxy between them. */
  aBaseForB?: string;
}

export async function startDemoPlatforms(options: StartOptions): Promise<DemoPlatforms> {
  const [portA, portB] = options.ports ? [options.ports.a, options.ports.b] : [await freePort(), await freePort()];
  const base = (port: number) => `https://127.0.0.1:${port}/v1`;
  const user = { loginId: 'zhangwei', authToken: randomBytes(16).toString('hex') };
  const partnerEntry = (who: PlatformIdentity, url: string) => ({
    platId: who.platId,
    appId: who.appId,
    certificateName: who.platId,
    verifyUrl: `${url}/user/verify`,
    dataGatewayUrl: `${url}/dataservices/dataGateway`,
  });
  const config = (who: PlatformIdentity, port: number, raw: Partial<PlatformConfig>) =>
    configFrom(
      {
        platId: who.platId,
        listen: { host: '127.0.0.1', port },
        tls: options.pki.get(who.platId)!.files,
        simulation: { tickMs: options.tickMs },
        ...raw,
      },
      `demo platform ${who.platId}`,
      options.dir,
      {},
    );
  const configA = config(A, portA, {
    partners: [partnerEntry(B, base(portB))],
    localUsers: [user],
    devices: [appliance(AIR_CONDITIONER, 'AC-35')],
  });
  const configB = config(B, portB, {
    partners: [partnerEntry(A, options.aBaseForB ?? base(portA))],
    devices: [appliance(WASHER, 'WD-100'), appliance(PURIFIER, 'AP-20')],
  });

  const started: DemoPlatform[] = [];
  const close = async () => {
    for (const { platform, db } of started.reverse()) {
      await platform.close();
      await db.close();
    }
  };
  try {
    for (const [identity, cfg] of [[A, configA], [B, configB]] as const) {
      const db = await openDatabase({ snapshot: options.snapshot });
      // Short delivery pacing: the demo waits for reports, and a retry should not take seconds.
      const platform = await startPlatform(cfg, { database: db, log: options.log.child({ platId: identity.platId }), docsDir: '', worker: { pollMs: 50, baseDelayMs: 100, maxDelayMs: 1000 } });
      started.push({ identity, platform, db });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { a: started[0]!, b: started[1]!, user, close };
}
