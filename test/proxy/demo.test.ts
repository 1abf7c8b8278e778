// Issue 18's proof, live side: the two-cloud demo played through the proxy, one listener per
// direction, over mutual TLS on every leg: both scenarios succeed, the proxy sees every exchange
// that reached either platform, and finds no violation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoThroughProxy } from './support/demo-through-proxy.ts';

const REPORT_TIMEOUT_MS = 3000;

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

test('the demo through the proxy over mutual TLS: every exchange seen, 0 violations', { timeout: 180_000 }, async (t) => {
  const run = await demoThroughProxy(t, { reportTimeoutMs: REPORT_TIMEOUT_MS });
  assert.deepEqual(run.failures, [], run.narration);

  // Ops of the last steps get their report timeout before the proxy is judged complete.
  await sleep(REPORT_TIMEOUT_MS + 200);
  await run.stopPlatforms();
  await run.watched.proxy.close(1000);

  const { exchanges } = run.watched;
  const seen = countBy(exchanges, (e) => e.path);
  const served = countBy(run.served, (l) => String(l.path));
  assert.deepEqual(seen, served, 'the proxy saw exactly what reached the platforms');
  for (const path of ['/v1/user/login', '/v1/user/verify', '/v1/user/bindDevices', '/v1/users/devices', '/v1/devices/op', '/v1/devices/deviceStatus', '/v1/dataservices/dataGateway']) {
    assert.ok(seen[path]! > 0, `${path} went through the proxy`);
  }
  assert.deepEqual(new Set(exchanges.map((e) => e.leg)), new Set(['a-to-b', 'b-to-a']));
  assert.deepEqual(run.watched.violations(), [], JSON.stringify(run.watched.violations(), null, 1));
});
