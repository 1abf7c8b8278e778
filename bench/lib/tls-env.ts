// How a server child learns its TLS material: the orchestrator passes the directory of the PEM
// files bench/lib/pki.ts wrote, and the child serves mutual TLS when it is set.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const TLS_DIR_ENV = 'BENCH_TLS_DIR';

/** The file names inside the directory, shared by the writer and the readers. */
export const pkiFiles = {
  ca: 'ca.pem',
  serverCert: 'server.pem',
  serverKey: 'server.key',
  clientCert: 'client.pem',
  clientKey: 'client.key',
} as const;

/** https.createServer options for mutual TLS, or undefined for plain HTTP. */
export function serverTlsFromEnv(): { key: string; cert: string; ca: string; requestCert: true; rejectUnauthorized: true } | undefined {
  const dir = process.env[TLS_DIR_ENV];
  if (!dir) return undefined;
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  return { key: read(pkiFiles.serverKey), cert: read(pkiFiles.serverCert), ca: read(pkiFiles.ca), requestCert: true, rejectUnauthorized: true };
}
