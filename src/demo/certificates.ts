// The demo's throwaway PKI (clause 6.6.1.1): a CA made at run time and, per platform, one leaf
// whose CN is the platform's PlatID and whose SAN is 127.0.0.1, serving both as its server
// certificate and as its client certificate towards the other platform. The files go to a
// directory the caller deletes: the platform configuration takes TLS material as paths.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { throwawayCa } from './throwaway-ca.ts';

export interface TlsFiles {
  /** Paths, as PlatformConfig.tls wants them. */
  files: { cert: string; key: string; ca: string };
  /** The same material as PEM, for the SDK client. */
  pem: { cert: string; key: string; ca: string };
}

/** Writes the CA and one leaf per PlatID into `dir`; the CA's key is never written. */
export async function demoPki(dir: string, platIds: readonly string[]): Promise<Map<string, TlsFiles>> {
  const ca = await throwawayCa('cloud-interop demo CA (throwaway)');
  const caFile = path.join(dir, 'ca.crt');
  await writeFile(caFile, ca.cert);
  const leaves = new Map<string, TlsFiles>();
  for (const platId of platIds) {
    const leaf = await ca.issue(platId, { server: true, client: true });
    const files = { cert: path.join(dir, `${platId}.crt`), key: path.join(dir, `${platId}.key`), ca: caFile };
    await writeFile(files.cert, leaf.cert);
    await writeFile(files.key, leaf.key, { mode: 0o600 });
    leaves.set(platId, { files, pem: { cert: leaf.cert, key: leaf.key, ca: ca.cert } });
  }
  return leaves;
}
