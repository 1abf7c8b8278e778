// The platform configuration of every bench run: the bench partner as the only partner (its
// verify and data gateway on the loopback partner server), the bench fridges as the devices,
// and a rate limit high enough never to answer 429.
import path from 'node:path';
import { benchPartner, fridges, fridgeType } from './requests.ts';
import { pkiFiles } from './tls-env.ts';

/** The environment variable that carries the configuration to bench/servers/platform.ts. */
export const CONFIG_ENV = 'BENCH_PLATFORM_CONFIG';

export type Store = { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };

export function platformConfig(options: { partnerUrl: string; store: Store; tlsDir?: string }): object {
  return {
    platId: 'BENCH-B-0000',
    listen: { host: '127.0.0.1', port: 0 },
    ...(options.tlsDir && {
      tls: {
        cert: path.join(options.tlsDir, pkiFiles.serverCert),
        key: path.join(options.tlsDir, pkiFiles.serverKey),
        ca: path.join(options.tlsDir, pkiFiles.ca),
      },
    }),
    database: options.store.engine === 'postgres' ? { url: options.store.url } : { dataDir: options.store.dataDir },
    limits: { requestsPerSecondPerPartner: 1_000_000_000 },
    partners: [
      {
        ...benchPartner,
        verifyUrl: `${options.partnerUrl}/v1/user/verify`,
        dataGatewayUrl: `${options.partnerUrl}/v1/dataservices/dataGateway`,
      },
    ],
    devices: fridges.map((deviceId) => ({ deviceId, deviceType: fridgeType, model: 'RF-500', manufacturer: 'Bench Appliances', brand: 'Bench', accessWay: '1' })),
  };
}

/** The environment variable naming the platform bench/servers/proxy.ts forwards to. */
export const PROXY_UPSTREAM_ENV = 'BENCH_PROXY_UPSTREAM';
