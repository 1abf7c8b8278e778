// Certificates for mutual-TLS tests (clause 6.6.1.1), made once per process: a CA, a server
// certificate for 127.0.0.1 and a client certificate whose CN is the calling platform's ID.
import { generate } from 'selfsigned';

export interface TestPki {
  ca: string;
  server: { cert: string; key: string };
  client: { cert: string; key: string };
}

// selfsigned signs with SHA-1 unless told otherwise, which OpenSSL 3 refuses ("ca md too weak").
const base = { algorithm: 'sha256', keyType: 'ec' } as const;

async function make(clientCn: string): Promise<TestPki> {
  const ca = await generate([{ name: 'commonName', value: 'cloud-interop test CA' }], {
    ...base,
    extensions: [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, digitalSignature: true }],
  });
  const signer = { ca: { key: ca.private, cert: ca.cert } };
  const server = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    ...base,
    ...signer,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }, { name: 'extKeyUsage', serverAuth: true }],
  });
  const client = await generate([{ name: 'commonName', value: clientCn }], { ...base, ...signer, extensions: [{ name: 'extKeyUsage', clientAuth: true }] });
  return { ca: ca.cert, server: { cert: server.cert, key: server.private }, client: { cert: client.cert, key: client.private } };
}

let made: Promise<TestPki> | undefined;
/** The process's test PKI; the client certificate's CN is `MB-JDAPP-0000`, the A platform of the standard's examples. */
export const testPki = () => (made ??= make('MB-JDAPP-0000'));
