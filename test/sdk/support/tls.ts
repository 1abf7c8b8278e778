// Certificates for mutual-TLS tests (clause 6.6.1.1), made once per process: a CA, a server
// certificate for 127.0.0.1 and a client certificate whose CN is the calling platform's ID.
import { throwawayCa } from '../../../src/demo/throwaway-ca.ts';

export interface TestPki {
  ca: string;
  server: { cert: string; key: string };
  client: { cert: string; key: string };
}

async function make(clientCn: string): Promise<TestPki> {
  const ca = await throwawayCa('cloud-interop test CA');
  return { ca: ca.cert, server: await ca.issue('127.0.0.1', { server: true }), client: await ca.issue(clientCn, { client: true }) };
}

let made: Promise<TestPki> | undefined;
/** The process's test PKI; the client certificate's CN is `MB-JDAPP-0000`, the A platform of the standard's examples. */
export const testPki = () => (made ??= make('MB-JDAPP-0000'));
