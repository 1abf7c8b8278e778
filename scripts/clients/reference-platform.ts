// The live reference platform (src/platform.ts) the client flows call, on loopback, with an
// in-memory database, and the partner platform (role A) it trusts, played here by a small server:
// its 7.1.4 user verify accepts the users this module made up, one per language, and its 7.2.8
// data gateway takes every report. Each language gets its own user and devices, so the flows
// never meet: one washing machine it binds, and one bound to nobody for the refused call.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { configFrom } from '../../src/config.ts';
import { startPlatform } from '../../src/platform.ts';

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

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(undefined);
      }
    });
  });
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Starts the partner, then the platform pointed at it; `close()` stops both. */
export async function startReferencePlatform(languages: readonly string[]): Promise<ReferencePlatform> {
  const tokens = new Map(languages.map((l) => [account(l).loginId, `auth-${randomBytes(12).toString('hex')}`]));
  const verifies = new Map<string, number>();

  const partner = createServer((req, res) => {
    void readJson(req).then((body) => {
      if (req.method === 'POST' && req.url === '/v1/user/verify') {
        const request = body as { User?: { UserBase?: { loginID?: string } }[]; AuthToken?: string } | undefined;
        const loginId = request?.User?.[0]?.UserBase?.loginID ?? '';
        verifies.set(loginId, (verifies.get(loginId) ?? 0) + 1);
        if (!tokens.has(loginId)) return reply(res, 404, { RetCode: '4042', RetInfo: `unknown user ${loginId}` });
        if (tokens.get(loginId) !== request?.AuthToken) return reply(res, 401, { RetCode: '4011', RetInfo: 'AuthToken is not valid' });
        return reply(res, 200, { RetCode: '200', RetInfo: '身份验证成功' });
      }
      if (req.method === 'POST' && req.url === '/v1/dataservices/dataGateway') return reply(res, 200, { RetCode: '200', RetInfo: '成功' });
      reply(res, 404, { RetCode: '404', RetInfo: 'no such interface' });
    });
  });
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
