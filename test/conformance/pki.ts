// Certificates for the kit's mutual-TLS test (clause 6.6.1.1): a CA, and for the reference platform
// and the kit each one certificate that serves both ways (serverAuth and clientAuth, SAN 127.0.0.1),
// because each is a server to the other and a client of the other.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { throwawayCa, type PemPair } from '../../src/demo/throwaway-ca.ts';

export interface KitPki {
  ca: string;
  platform: PemPair;
  kit: PemPair;
  /** The same, as files, for the configuration and for --mtls. */
  files: { ca: string; platform: PemPair; kit: PemPair };
  remove(): Promise<void>;
}

export async function kitPki(names: { platform: string; kit: string }): Promise<KitPki> {
  const ca = await throwawayCa('cloud-interop conformance test CA');
  const leaf = (cn: string) => ca.issue(cn, { server: true, client: true });
  const [platform, kit] = await Promise.all([leaf(names.platform), leaf(names.kit)]);
  const directory = await mkdtemp(path.join(tmpdir(), 'cheaa-kit-pki-'));
  const file = async (name: string, pem: string) => {
    const at = path.join(directory, name);
    await writeFile(at, pem, { mode: 0o600 });
    return at;
  };
  return {
    ca: ca.cert,
    platform,
    kit,
    files: {
      ca: await file('ca.crt', ca.cert),
      platform: { cert: await file('platform.crt', platform.cert), key: await file('platform.key', platform.key) },
      kit: { cert: await file('kit.crt', kit.cert), key: await file('kit.key', kit.key) },
    },
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
