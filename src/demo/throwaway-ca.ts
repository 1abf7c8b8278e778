// A certificate authority made at run time, so no key is ever committed, and the leaves it
// issues for 127.0.0.1: the demo's two platforms, the bench and the mutual-TLS tests use it.
import { generate, type CertificateExtension } from 'selfsigned';

export interface PemPair {
  cert: string;
  key: string;
}

export interface ThrowawayCa {
  /** The CA certificate (PEM); its key never leaves this object. */
  cert: string;
  /**
   * A leaf whose CN is `commonName`. As a server it answers for 127.0.0.1 (SAN) with serverAuth;
   * as a client it has clientAuth; a platform is both to its partner.
   */
  issue(commonName: string, use: { server?: boolean; client?: boolean }): Promise<PemPair>;
}

// selfsigned signs with SHA-1 unless told otherwise, which OpenSSL 3 refuses ("ca md too weak").
const base = { algorithm: 'sha256', keyType: 'ec' } as const;

export async function throwawayCa(name: string): Promise<ThrowawayCa> {
  const ca = await generate([{ name: 'commonName', value: name }], {
    ...base,
    extensions: [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, digitalSignature: true }],
  });
  return {
    cert: ca.cert,
    async issue(commonName, use) {
      const extensions: CertificateExtension[] = [];
      if (use.server) extensions.push({ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] });
      extensions.push({ name: 'extKeyUsage', ...(use.server && { serverAuth: true }), ...(use.client && { clientAuth: true }) });
      const leaf = await generate([{ name: 'commonName', value: commonName }], { ...base, ca: { key: ca.private, cert: ca.cert }, extensions });
      return { cert: leaf.cert, key: leaf.private };
    },
  };
}
