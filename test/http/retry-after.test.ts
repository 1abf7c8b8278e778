// Replies that waiting cures say how long to wait (Retry-After, RFC 9110 section 10.2.3), as the
// 429 and 503 responses of the documents declare; other refusals do not.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { errorHandler } from '../../src/http/error-handler.ts';
import { InteropError, RetCodes } from '../../src/sdk/interop-error.ts';
import { StoreUnavailableError } from '../../src/store/unavailable.ts';

let base = '';
let close: () => void = () => {};
before(async () => {
  const app = express();
  app.post('/outage', () => {
    throw new StoreUnavailableError('connection refused');
  });
  app.post('/limited', () => {
    throw new InteropError(RetCodes.RateLimited, 'more than 1 requests per second');
  });
  app.post('/refused', () => {
    throw new InteropError(RetCodes.BadRequest, 'DeviceInfo is required');
  });
  app.use(errorHandler({ error: () => {} }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
after(() => close());

const post = async (path: string) => {
  const res = await fetch(`${base}${path}`, { method: 'POST' });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { RetCode: string } };
};

describe('Retry-After on the CHEAA error replies', () => {
  it('a store outage → HTTP 503 RetCode 503 with Retry-After 5', async () => {
    assert.deepEqual(await post('/outage'), { status: 503, retryAfter: '5', body: { RetCode: '503', RetInfo: 'the store is unavailable; retry later' } });
  });

  it('a rate limit → HTTP 429 RetCode 429 with Retry-After 1, the window of the per-second limits', async () => {
    const reply = await post('/limited');
    assert.deepEqual([reply.status, reply.retryAfter, reply.body.RetCode], [429, '1', '429']);
  });

  it('a refusal that waiting does not cure carries none', async () => {
    const reply = await post('/refused');
    assert.deepEqual([reply.status, reply.retryAfter, reply.body.RetCode], [400, null, '400']);
  });
});
