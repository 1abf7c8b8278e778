// The SDK's platform client against a B platform that validates every request with the generated
// validator and answers with the spec's examples.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, beforeEach, describe, it, type TestContext } from 'node:test';
import { CheaaApiError, createPlatformClient, type PlatformClientOptions } from '../../src/sdk/index.ts';
import { example, platformDoc } from './support/bundled.ts';
import { issuedToken, startExamplePlatform, type ExamplePlatform } from './support/example-platform.ts';
import { listen } from './support/listen.ts';
import { testPki, type TestPki } from './support/tls.ts';

// The A platform and application of the standard's 7.1.1 example.
const caller = { platId: 'MB-JDAPP-0000', appId: '17592186044420' };
const request = <T>(operationId: string, name = 'standard') => example<T>(platformDoc, `${operationId}.${name}.request`);
const reply = (name: string) => example(platformDoc, name);

function client(t: TestContext, options: Partial<PlatformClientOptions> & { baseUrl: string }) {
  const sdk = createPlatformClient({ ...caller, ...options });
  t.after(() => sdk.close());
  return sdk;
}

/** A server of the test's own, closed when the test ends. */
async function ownServer(t: TestContext, server: Server) {
  const { port, close } = await listen(server);
  t.after(close);
  return port;
}

/** Asserts the promise rejects with a CheaaApiError and returns it. */
async function apiError(promise: Promise<unknown>): Promise<CheaaApiError> {
  const error = await promise.then(
    () => assert.fail('expected a CheaaApiError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof CheaaApiError, `expected a CheaaApiError, got ${String(error)}`);
  return error;
}

describe('platform client', () => {
  let b: ExamplePlatform;
  before(async () => {
    b = await startExamplePlatform();
  });
  beforeEach(() => b.reset());
  after(() => b.close());

  it('7.1.1 login sends PlatID and AppID, resolves to the standard reply and keeps the AccessToken of its header', async (t) => {
    const sdk = client(t, { baseUrl: b.baseUrl });
    assert.equal(sdk.accessToken, undefined);

    const body = await sdk.user_login(request('user_login'));

    assert.deepEqual(body, reply('user_login.standard.response'));
    assert.equal(sdk.accessToken, issuedToken);
    const [login] = b.arrived;
    assert.equal(login?.headers.platid, caller.platId);
    assert.equal(login?.headers.appid, caller.appId);
    assert.equal(login?.headers.accesstoken, undefined, 'no token before login');
  });

  it('7.2.7 after login a device operation carries the AccessToken; the standard reply resolves', async (t) => {
    const sdk = client(t, { baseUrl: b.baseUrl });
    await sdk.user_login(request('user_login'));

    assert.deepEqual(await sdk.devices_op(request('devices_op')), reply('devices_op.standard.response'));
    assert.equal(b.arrived.at(-1)?.headers.accesstoken, issuedToken);
  });

  it('7.2.1 the AccessToken goes only to interfaces whose security names it', async (t) => {
    const sdk = client(t, { baseUrl: b.baseUrl });
    await sdk.user_login(request('user_login'));

    await sdk.user_bindDevices(request('user_bindDevices'));
    await sdk.devices_deviceStatus(request('devices_deviceStatus'));

    const [bind, status] = b.arrived.slice(-2);
    assert.equal(bind?.headers.accesstoken, undefined, '7.2.1 has no AccessToken in its security');
    assert.equal(status?.headers.accesstoken, issuedToken, '7.2.6 accepts it (table 44)');
  });

  it('7.1.2 logout (with no body: an empty one is sent) forgets the AccessToken, so B refuses the next device operation with RetCode 401', async (t) => {
    const sdk = client(t, { baseUrl: b.baseUrl });
    await sdk.user_login(request('user_login'));

    assert.deepEqual(await sdk.user_logout(), reply('user_logout.standard.response'));
    assert.deepEqual(b.arrived.at(-1)?.body, {});
    assert.equal(sdk.accessToken, undefined);

    const error = await apiError(sdk.devices_op(request('devices_op')));
    assert.equal(error.retCode, '401');
    assert.equal(error.httpStatus, 401);
    assert.equal(error.operationId, 'devices_op');
    assert.equal(b.arrived.at(-1)?.headers.accesstoken, undefined);
  });

  it('7.1.3 unregister forgets the AccessToken too', async (t) => {
    const sdk = client(t, { baseUrl: b.baseUrl });
    await sdk.user_login(request('user_login'));
    await sdk.user_unregister(request('user_unregister'));
    assert.equal(sdk.accessToken, undefined);
  });

  it('7.2.1 a processed batch in which a device failed (HTTP 200) throws RetCode 500 with its FailedIDs and Failures', async (t) => {
    const failed = reply('user_bindDevices.500.response') as { FailedIDs: string[]; Failures: unknown[]; RetInfo: string };
    b.replace('user_bindDevices', () => ({ status: 200 as const, body: failed as never }));
    const sdk = client(t, { baseUrl: b.baseUrl });

    const error = await apiError(sdk.user_bindDevices(request('user_bindDevices')));

    assert.equal(error.retCode, '500');
    assert.equal(error.httpStatus, 200);
    assert.equal(error.retInfo, failed.RetInfo);
    assert.deepEqual(error.failedIds, failed.FailedIDs);
    assert.deepEqual(error.failures, failed.Failures);
    assert.match(error.message, /user_bindDevices: RetCode 500 \(HTTP 200\)/);
  });

  it('the RetCode decides, not the HTTP status: RetCode 500 sent with HTTP 200 (as standard-only platforms do) throws', async (t) => {
    b.replace('devices_modifyDeviceInfo', () => ({ status: 200 as const, body: reply('error.500.response') as never }));
    const sdk = client(t, { baseUrl: b.baseUrl });

    const error = await apiError(sdk.devices_modifyDeviceInfo(request('devices_modifyDeviceInfo')));
    assert.equal(error.retCode, '500');
    assert.equal(error.httpStatus, 200);
  });

  it('a platform that does not answer within timeoutMs gives RetCode 502 saying so', async (t) => {
    b.replace('devices_deviceStatus', async () => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      return { status: 200 as const, body: reply('devices_deviceStatus.standard.response') as never };
    });
    const sdk = client(t, { baseUrl: b.baseUrl, timeoutMs: 100 });

    const started = performance.now();
    const error = await apiError(sdk.devices_deviceStatus(request('devices_deviceStatus')));
    assert.ok(performance.now() - started < 1_500, 'gave up at the deadline');
    assert.equal(error.retCode, '502');
    assert.equal(error.httpStatus, undefined);
    assert.match(error.retInfo, /^POST http:\/\/127\.0\.0\.1:\d+\/v1\/devices\/deviceStatus: no reply within 100 ms$/);
  });

  it('a platform that cannot be reached gives RetCode 502 with the reason', async (t) => {
    const { port, close } = await listen(createServer());
    close();
    const sdk = client(t, { baseUrl: `http://127.0.0.1:${port}/v1` });

    const error = await apiError(sdk.users_devices(request('users_devices')));
    assert.equal(error.retCode, '502');
    assert.match(error.retInfo, /could not reach the platform: fetch failed \(ECONNREFUSED/);
    assert.ok(error.cause instanceof Error);
  });

  it("a reply that is not the standard's body (a proxy's HTML page) gives RetCode 502 naming what came", async (t) => {
    const proxy = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'));
    const port = await ownServer(t, proxy);
    const sdk = client(t, { baseUrl: `http://127.0.0.1:${port}/v1` });

    const error = await apiError(sdk.devices_deviceInfo(request('devices_deviceInfo')));
    assert.equal(error.retCode, '502');
    assert.equal(error.httpStatus, 502);
    assert.match(error.retInfo, /the reply is not JSON \(HTTP 502, text\/html\)/);
  });

  it('a RetCode the spec does not define is not passed off as one it does', async (t) => {
    const odd = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"RetCode":"9999","RetInfo":"vendor code"}'));
    const sdk = client(t, { baseUrl: `http://127.0.0.1:${await ownServer(t, odd)}/v1` });

    const error = await apiError(sdk.devices_deviceInfo(request('devices_deviceInfo')));
    assert.equal(error.retCode, '502');
    assert.match(error.retInfo, /RetCode "9999", which the spec does not define/);
  });
});

describe('platform client over mutual TLS', () => {
  let b: ExamplePlatform;
  let pki: TestPki;
  before(async () => {
    pki = await testPki();
    b = await startExamplePlatform({ ca: pki.ca, ...pki.server });
  });
  beforeEach(() => b.reset());
  after(() => b.close());

  it('6.6.1.1 with tls the client presents its certificate and B sees the calling platform in it', async (t) => {
    const sdk = client(t, { baseUrl: b.baseUrl, tls: { ca: pki.ca, ...pki.client } });

    assert.deepEqual(await sdk.user_login(request('user_login')), reply('user_login.standard.response'));
    assert.equal(b.arrived[0]?.authorized, true);
    assert.equal(b.arrived[0]?.peerCn, caller.platId);
  });

  it('6.6.1.1 without a client certificate a mutual-TLS platform cannot be reached, and the error names the TLS failure', async (t) => {
    const sdk = client(t, { baseUrl: b.baseUrl });

    const error = await apiError(sdk.user_login(request('user_login')));
    assert.equal(error.retCode, '502');
    assert.match(error.retInfo, /could not reach the platform: fetch failed \(.*certificate/i);
  });
});
