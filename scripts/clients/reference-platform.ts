// The live reference platform (src/platform.ts) the client flows call, on loopback, with an
// in-memory database, and the partner platform (role A) it trusts, played by the SDK's partner kit:
// its 7.1.4 user verify accepts the users this module made up, one per language, and its 7.2.8
// data gateway takes every report. Each language gets its own user and devices, so the flows
// never meet: one washing machine it binds, and one bound to nobody for the refused call.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { configFrom } from '../../src/config.ts';
import { startPlatform } from '../../src/platform.ts';
import { createPartnerKit, InteropError, RetCodes } from '../../src/sdk/index.ts';

/** The A platform of the standard's examples, with the AppID they send. */
export const PARTNER = { platId: 'MB-JDAPP-0000', appId: '17592186044420' } as const;
const WASHING_MACHINE = '02002001';

export interface FlowAccount {
  loginId: string;
  authToken: string;
  /** Bound by the flow, then operated. */
  deviceId: string;
  /** Exists, never bound: operating it is refused with RetCode 4031. */
  unboundDeviceId: string;
}

export interface ReferencePlatform {
  /** The platform's base URL, `http://127.0.0.1:<port>/v1`. */
  url: string;
  /** The CHEAA_* variables a flow program reads. */
  flowEnv(language: string): Record<string, string>;
  /** How many 7.1.4 verify calls reached the partner for this language's user. */
  verifyCalls(language: string): number;
  close(): Promise<void>;
}

const account = (language: string): Omit<FlowAccount, 'authToken'> => {
  const tag = language.toUpperCase();
  return { loginId: `flow-${language}`, deviceId: `FLOW-${tag}-1`, unboundDeviceId: `FLOW-${tag}-2` };
};

/** Starts the partner, then the platform pointed at it; `close()` stops both. */
export async function startReferencePlatform(languages: readonly string[]): Promise<ReferencePlatform> {
  const tokens = new Map(languages.map((l) => [account(l).loginId, `auth-${randomBytes(12).toString('hex')}`]));
  const verifies = new Map<string, number>();

  const app = express();
  app.use(
    createPartnerKit({
      verifyUser: ({ loginId, authToken }) => {
        verifies.set(loginId, (verifies.get(loginId) ?? 0) + 1);
        if (!tokens.has(loginId)) throw new InteropError(RetCodes.UnknownUser, `unknown user ${loginId}`);
        if (tokens.get(loginId) !== authToken) throw new InteropError(RetCodes.TokenInvalid, 'AuthToken is not valid');
        return true;
      },
      onReport: () => {},
      log: { error: () => {} },
    }),
  );
  const partner = createServer(app);
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  const partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/v1`;

  const config = configFrom(
    {
      platId: 'PARTNER-Haier-0000',
      listen: { host: '127.0.0.1', port: 0 },
      limits: { bodyBytes: 16 * 1024, requestsPerSecondPerPartner: 1000, verifyTimeoutMs: 5000, deliveryTimeoutMs: 5000 },
      // Appliances change only when the flows command them.
      simulation: { tickMs: 86_400_000, faults: {} },
      partners: [{ ...PARTNER, verifyUrl: `${partnerUrl}/user/verify`, dataGatewayUrl: `${partnerUrl}/dataservices/dataGateway` }],
      devices: languages.flatMap((l) => {
        const { deviceId, unboundDeviceId } = account(l);
        return [deviceId, unboundDeviceId].map((id) => ({ deviceId: id, deviceType: WASHING_MACHINE, model: 'WD-100', manufacturer: 'Flow Appliances', brand: 'Flow', accessWay: '1' }));
      }),
    },
    'the client-flow configuration',
    process.cwd(),
    {}, // no DATABASE_URL: always the in-memory database
  );
  let platform;
  try {
    platform = await startPlatform(config, { database: {}, log: pino({ level: 'silent' }), docsDir: undefined });
  } catch (error) {
    partner.close();
    throw error;
  }
  const running = platform;

  return {
    url: running.url,
    flowEnv(language) {
      const a = account(language);
      return {
        CHEAA_BASE_URL: running.url,
        CHEAA_PLAT_ID: PARTNER.platId,
        CHEAA_APP_ID: PARTNER.appId,
        CHEAA_LOGIN_ID: a.loginId,
        CHEAA_AUTH_TOKEN: tokens.get(a.loginId) ?? '',
        CHEAA_DEVICE_ID: a.deviceId,
        CHEAA_UNBOUND_DEVICE_ID: a.unboundDeviceId,
      };
    },
    verifyCalls: (language) => verifies.get(account(language).loginId) ?? 0,
    async close() {
      await running.close();
      partner.closeAllConnections();
      await new Promise<void>((resolve) => partner.close(() => resolve()));
    },
  };
}
