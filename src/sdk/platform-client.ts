// A typed client of the interfaces a B platform hosts (clause 7): one function per operationId,
// taking the request body and resolving to the RetCode 200 reply, for one user session.
import type { Middleware } from 'openapi-fetch';
import { Agent } from 'undici';
import { createCheaaPlatformClient } from '../../generated/cheaa-c2c/platform.client.ts';
import {
  cheaaPlatformOperationIds,
  cheaaPlatformOperations,
  type CheaaPlatformOperationId,
  type CheaaPlatformReply,
  type CheaaPlatformRequestBody,
} from '../../generated/cheaa-c2c/platform.handlers.ts';
import { RetCodes } from '../../generated/cheaa-c2c/platform.retcodes.ts';
import { deadline, operationLookup, retCodeErrors } from './client-middleware.ts';
import { CheaaApiError } from './errors.ts';
import { platformDocument } from './platform-document.ts';

type Pem = string | Buffer;

export interface PlatformClientOptions {
  /** The B platform's access point with its apiVersion, e.g. `https://b.example:8443/v1` (clause 6.3). */
  baseUrl: string;
  /** This (the A) platform's ID, sent as the PlatID header. */
  platId: string;
  /** The application ID the B platform issued to this platform, sent as the AppID header. */
  appId: string;
  /** Mutual TLS (clause 6.6.1.1): this platform's certificate and key, and the CA that signed B's certificate (Node's roots when omitted). */
  tls?: { ca?: Pem; cert: Pem; key: Pem };
  /** How long one call may take, reply body included (default 10 000 ms). */
  timeoutMs?: number;
}

export type PlatformRequest<K extends CheaaPlatformOperationId> = CheaaPlatformRequestBody<K>;
export type PlatformReply<K extends CheaaPlatformOperationId> = Extract<CheaaPlatformReply<K>, { status: 200 }>['body'];

// The body parameter is a plain (not generic) type, so TypeScript checks object literals for
// excess properties at every depth; openapi-fetch's generic `POST(path, init)` cannot.
type Operation<K extends CheaaPlatformOperationId> = {} extends PlatformRequest<K>
  ? (body?: PlatformRequest<K>) => Promise<PlatformReply<K>>
  : (body: PlatformRequest<K>) => Promise<PlatformReply<K>>;

export type PlatformClient = { readonly [K in CheaaPlatformOperationId]: Operation<K> } & {
  /** The AccessToken of the last successful user_login; undefined before it and after logout or unregister. */
  readonly accessToken: string | undefined;
  /** Closes the connections of the mutual-TLS agent. */
  close(): Promise<void>;
};

const DEFAULT_TIMEOUT_MS = 10_000;

/** The operations whose security names the AccessToken scheme: the only ones the token is sent to. */
const tokenOperations = new Set(
  Object.values(platformDocument.paths).flatMap((item) =>
    Object.values(item).flatMap((op) => (op.operationId && op.security?.some((requirement) => 'AccessToken' in requirement) ? [op.operationId] : [])),
  ),
);

/** Keeps the AccessToken that user_login returns in its header (table 18) and sends it on (clause 6.6.1.2). */
function accessTokenSession(operationOf: (schemaPath: string) => CheaaPlatformOperationId) {
  let token: string | undefined;
  const middleware: Middleware = {
    onRequest({ request, schemaPath }) {
      if (token !== undefined && tokenOperations.has(operationOf(schemaPath))) request.headers.set('AccessToken', token);
    },
    // Registered before retCodeErrors, so this runs only for RetCode 200 replies.
    onResponse({ request, response, schemaPath }) {
      const operationId = operationOf(schemaPath);
      if (operationId === 'user_login') {
        const issued = response.headers.get('AccessToken');
        if (issued === null) {
          throw new CheaaApiError({
            operationId,
            retCode: RetCodes.PartnerUnreachable,
            retInfo: `${request.method} ${request.url}: the login reply has no AccessToken header, which table 18 requires`,
            httpStatus: response.status,
          });
        }
        token = issued;
      }
      // Logout destroys the token (table 19); unregister removes every token of the user (7.1.3).
      if (operationId === 'user_logout' || operationId === 'user_unregister') token = undefined;
    },
  };
  return { middleware, token: () => token };
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const dispatcher = options.tls && new Agent({ connect: { ca: options.tls.ca, cert: options.tls.cert, key: options.tls.key } });
  const generated = createCheaaPlatformClient({
    baseUrl: options.baseUrl,
    headers: { PlatID: options.platId, AppID: options.appId },
    // undici's dispatcher goes in fetch's second argument: ClientOptions has no typed slot for it.
    ...(dispatcher && { requestInitExt: { dispatcher } }),
  });
  const operationOf = operationLookup(cheaaPlatformOperations);
  const replies = { operationOf, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const session = accessTokenSession(operationOf);
  // onRequest runs in this order, onResponse in the reverse one: the RetCode is checked first.
  generated.client.use(deadline(replies), session.middleware, retCodeErrors(replies));

  const call = async (operationId: CheaaPlatformOperationId, body: unknown) => {
    const send = generated[operationId] as (init: { body: unknown }) => Promise<{ data?: unknown; error?: unknown }>;
    const { data, error } = await send({ body });
    // retCodeErrors let only RetCode 200 through; a platform may still send it with another HTTP status.
    return data ?? error;
  };
  const operations = Object.fromEntries(cheaaPlatformOperationIds.map((id) => [id, (body: unknown = {}) => call(id, body)]));
  return Object.freeze({
    ...operations,
    get accessToken() {
      return session.token();
    },
    close: async () => {
      await dispatcher?.close();
    },
  }) as PlatformClient;
}
