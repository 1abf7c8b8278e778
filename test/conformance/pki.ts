// Certificates for the kit's mutual-TLS test (clause 6.6.1.1): a CA, and for the reference platform
// and the kit each one certificate that serves both ways (serverAuth and clientAuth, SAN 127.0.0.1),
// because each is a server to the other and a client of the other.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface PemPair {
  cert: string;
  key: string;
}

export interface KitPki {
  ca: string;
  platform: PemPair;
  kit: PemPair;
  /** The same, as files, for the configuration and for --mtls. */
  files: { ca: string; platform: PemPair; kit: PemPair };
  remove(): Promise<void>;
}

// selfsigned signs with SHA-1 unless told otherwise, which OpenSSL 3 refuses ("ca md too weak").
const base = { algorithm: 'sha256', keyType: 'ec' } as const;

export async function kitPki(names: { platform: string; kit: string }): Promise<KitPki> {
  const ca = await generate([{ name: 'commonName', value: 'cloud-interop conformance test CA' }], {
    ...base,
    extensions: [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, digitalSignature: true }],
  });
  const leaf = async (cn: string): Promise<PemPair> => {
    const made = await generate([{ name: 'commonName', value: cn }], {
      ...base,
      ca: { key: ca.private, cert: ca.cert },
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }, { name: 'extKeyUsage', serverAuth: true, clientAuth: true }],
    });
    return { cert: made.cert, key: made.private };
  };
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
