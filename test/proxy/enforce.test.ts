// Watch mode forwards every request untouched; --enforce refuses an invalid one in the standard's
// error body, and B never sees it. A valid request goes through in both modes. What the proxy saw
// is counted on its own metrics listener.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { PARTNER, replyExample, requestExample } from '../support/examples.ts';
import { plainLeg, startWatched } from './support/watched.ts';

/** A B platform that answers every request with the standard's 7.2.6 reply and records what reached it. */
async function recordingB(t: TestContext): Promise<{ url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(replyExample('devices_deviceStatus.standard.response')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, received };
}

const headers = { 'content-type': 'application/json', PlatID: PARTNER.platId, AppID: PARTNER.appId, AccessToken: 'token-of-the-test' };
const valid = requestExample('devices_deviceStatus');
// Device must be an array of devices (table 38): a string is refused by the document.
const invalid = { ...valid, Device: 'C89346112DD5' };

async function send(base: string, body: unknown) {
  const res = await fetch(`${base}/devices/deviceStatus`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { RetCode?: string; RetInfo?: string } };
}

describe('the proxy with and without --enforce', () => {
  it('watch mode forwards an invalid request to B unchanged and flags it', async (t) => {
    const b = await recordingB(t);
    const watched = await startWatched(t, [plainLeg('a-to-b', b.url)]);
    const reply = await send(watched.aToB, invalid);
    assert.equal(reply.body.RetCode, '200', "B's reply comes back unchanged");
    assert.deepEqual(b.received, ['/v1/devices/deviceStatus']);
    assert.ok(watched.rules().includes('document.request'));
  });

  it('--enforce refuses an invalid request with RetCode 400 in the standard body and never forwards it; a valid one goes through', async (t) => {
    const b = await recordingB(t);
    const watched = await startWatched(t, [plainLeg('a-to-b', b.url)], { enforce: true });
    const refused = await send(watched.aToB, invalid);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.RetCode, '400');
    assert.match(refused.body.RetInfo ?? '', /refused by the proxy \(--enforce\)/);
    assert.deepEqual(b.received, [], 'B never saw it');
    assert.equal(watched.exchanges.at(-1)?.refused, true);

    const passed = await send(watched.aToB, valid);
    assert.equal(passed.body.RetCode, '200');
    assert.deepEqual(b.received, ['/v1/devices/deviceStatus']);
  });

  it('counts exchanges by verdict and violations by rule on its --metrics listener', async (t) => {
    const b = await recordingB(t);
    const watched = await startWatched(t, [plainLeg('a-to-b', b.url)], { metrics: { host: '127.0.0.1', port: 0 } });
    await send(watched.aToB, valid);
    await send(watched.aToB, invalid);
    const text = await (await fetch(watched.proxy.metricsUrl!)).text();
    assert.match(text, /cloud_interop_proxy_exchanges_total\{leg="a-to-b",operation="devices_deviceStatus",verdict="pass"\} 1/);
    assert.match(text, /cloud_interop_proxy_exchanges_total\{leg="a-to-b",operation="devices_deviceStatus",verdict="fail"\} 1/);
    assert.match(text, /cloud_interop_proxy_violations_total\{rule="document.request",clause="7.2.6"\} [1-9]/);
    assert.match(text, /cloud_interop_proxy_upstream_duration_seconds_count\{leg="a-to-b",operation="devices_deviceStatus"\} 2/);
  });
});
