// A throwaway PKI made at the start of each run, so no key is ever committed: a CA, a server
// leaf for 127.0.0.1 (also usable as a client, since the platform presents its own certificate to
// partners) and a client leaf whose CN names the partner platform the bench plays.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';
import { pkiFiles } from './tls-env.ts';

export interface Pki {
  dir: string;
  ca: string;
  client: { cert: string; key: string };
}

// selfsigned signs with SHA-1 by default, which OpenSSL 3 refuses ("ca md too weak").
const base = { algorithm: 'sha256', keyType: 'ec' } as const;

export async function makePki(dir: string, clientCn: string): Promise<Pki> {
  const ca = await generate([{ name: 'commonName', value: 'cloud-interop bench CA' }], {
    ...base,
    extensions: [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, digitalSignature: true }],
  });
  const signer = { ca: { key: ca.private, cert: ca.cert } };
  const server = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    ...base,
    ...signer,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }, { name: 'extKeyUsage', serverAuth: true, clientAuth: true }],
  });
  const client = await generate([{ name: 'commonName', value: clientCn }], { ...base, ...signer, extensions: [{ name: 'extKeyUsage', clientAuth: true }] });
  await mkdir(dir, { recursive: true });
  const files: Record<string, string> = {
    [pkiFiles.ca]: ca.cert,
    [pkiFiles.serverCert]: server.cert,
    [pkiFiles.serverKey]: server.private,
    [pkiFiles.clientCert]: client.cert,
    [pkiFiles.clientKey]: client.private,
  };
  for (const [name, pem] of Object.entries(files)) await writeFile(path.join(dir, name), pem, { mode: 0o600 });
  return { dir, ca: ca.cert, client: { cert: client.cert, key: client.private } };
}
