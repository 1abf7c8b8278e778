// A throwaway PKI made at the start of each run, so no key is ever committed: a CA, a server
// leaf for 127.0.0.1 (also usable as a client, since the platform presents its own certificate to
// partners) and a client leaf whose CN names the partner platform the bench plays.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { throwawayCa } from '../../src/demo/throwaway-ca.ts';
import { pkiFiles } from './tls-env.ts';

export interface Pki {
  dir: string;
  ca: string;
  client: { cert: string; key: string };
}

export async function makePki(dir: string, clientCn: string): Promise<Pki> {
  const ca = await throwawayCa('cloud-interop bench CA');
  const server = await ca.issue('127.0.0.1', { server: true, client: true });
  const client = await ca.issue(clientCn, { client: true });
  await mkdir(dir, { recursive: true });
  const files: Record<string, string> = {
    [pkiFiles.ca]: ca.cert,
    [pkiFiles.serverCert]: server.cert,
    [pkiFiles.serverKey]: server.key,
    [pkiFiles.clientCert]: client.cert,
    [pkiFiles.clientKey]: client.key,
  };
  for (const [name, pem] of Object.entries(files)) await writeFile(path.join(dir, name), pem, { mode: 0o600 });
  return { dir, ca: ca.cert, client };
}
