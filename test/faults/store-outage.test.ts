// The platform on PostgreSQL through a loopback proxy that a test cuts (every connection reset,
// new ones refused: a crashed or stopped server) or pauses (nothing forwarded: a hung server),
// under 10 concurrent 7.2.7 loops. The process stays up, answers every request in bounded time
// (HTTP 503 RetCode 503 while the store is out of reach), logs the outage once each way, serves
// again as soon as the store is back, and no acknowledged op loses its state or its report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { capturedLog } from '../support/log-capture.ts';
import { postgres, postgresUrl, withPostgresSchema } from '../support/database.ts';
import { DeviceTypes } from '../support/examples.ts';
import { eventually } from '../support/eventually.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { assertNothingLost, opLoops, type OpOutcome } from './op-loops.ts';

const LOOPS = 10;
const limits = { statementTimeoutMs: 1000, connectTimeoutMs: 500 };
// The longest a request may wait for the store: a connection, then one statement that hangs.
const budgetMs = limits.connectTimeoutMs + limits.statementTimeoutMs + 250;

async function platformBehindProxy(t: Parameters<typeof withPostgresSchema>[0]) {
  const { url } = await withPostgresSchema(t);
  const server = new URL(postgresUrl);
  const proxy = await startTcpProxy(t, { host: server.hostname, port: Number(server.port || 5432) });
  const { log, lines } = capturedLog();
  const p = await startTestPlatform(t, { database: { url: proxy.rewrite(url) }, storeLimits: limits, log });
  const alice = await p.login();
  const devices: string[] = [];
  for (let i = 0; i < LOOPS; i += 1) devices.push(await p.addDevice(DeviceTypes.airConditioner));
  await p.bind(alice, ...devices);
  return { p, proxy, lines, alice, devices };
}

async function devicesState(p: TestPlatform, devices: string[]): Promise<Map<string, string | undefined>> {
  const { rows } = await p.db.query<{ device_id: string; t: string | null }>(`SELECT device_id, attrs->>'targetTemperature' AS t FROM devices WHERE device_id = ANY($1::text[])`, [devices]);
  return new Map(rows.map((r) => [r.device_id, r.t ?? undefined]));
}

/** Lets the loops run through `fault`, then until every loop got an answer after `restoredAt`. */
async function throughFault(p: TestPlatform, proxy: TcpProxy, loops: ReturnType<typeof opLoops>, fault: () => void, faultMs: number, meanwhile?: () => Promise<void>) {
  await sleep(500);
  const startedAt = performance.now();
  fault();
  await Promise.all([sleep(faultMs), sleep(1000).then(meanwhile)]);
  proxy.restore();
  const restoredAt = performance.now();
  await sleep(1500);
  const outcomes = await loops.stop();
  return { outcomes, startedAt, restoredAt };
}

const slowest = (outcomes: OpOutcome[]) => Math.round(Math.max(0, ...outcomes.map((o) => o.answeredAt - o.sentAt)));
/** How long after `at` the last of the devices had an op acknowledged again. */
const backAfter = (outcomes: OpOutcome[], devices: string[], at: number) =>
  Math.round(Math.max(...devices.map((d) => (outcomes.find((o) => o.deviceId === d && o.status === 200 && o.answeredAt > at)?.answeredAt ?? Number.POSITIVE_INFINITY) - at)));

const describeOutcomes = (outcomes: OpOutcome[]) => outcomes.map((o) => `${o.status}/${o.retCode} in ${Math.round(o.answeredAt - o.sentAt)} ms`).join(', ');

describe('the platform when PostgreSQL fails', { skip: postgres.skip }, () => {
  it('cut for 5 s: the process stays up, every reply during the cut is HTTP 503 RetCode 503 within 2 s, ops succeed within 1 s after, nothing acknowledged is lost, the outage is logged once each way', async (t) => {
    const { p, proxy, lines, alice, devices } = await platformBehindProxy(t);
    const loops = opLoops(alice, devices);
    // A GB/T 43960 request during the cut too.
    let gbt: { status: number; body: unknown } | undefined;
    const gbtToken = async () => {
      const response = await fetch(p.url.replace(/\/v1$/, '/gbt43960/v1/token'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: '438362794917922816', data: { appId: 'demo-app', appSecret: 'demo-app-secret-0001' } }),
      });
      gbt = { status: response.status, body: await response.json() };
    };
    const { outcomes, startedAt, restoredAt } = await throughFault(p, proxy, loops, () => proxy.cut(), 5000, gbtToken);

    const during = outcomes.filter((o) => o.sentAt >= startedAt && o.answeredAt <= restoredAt);
    t.diagnostic(`${during.length} replies during the cut, the slowest in ${slowest(during)} ms; every device served again ${backAfter(outcomes, devices, restoredAt)} ms after the store came back`);
    assert.ok(during.length >= LOOPS, `the loops kept asking during the cut (${during.length} requests)`);
    const wrong = during.filter((o) => o.status !== 503 || o.retCode !== '503' || o.answeredAt - o.sentAt > 2000);
    assert.deepEqual(wrong, [], `during the cut: ${describeOutcomes(wrong)}`);
    assert.ok(outcomes.every((o) => o.status === 200 || (o.status === 503 && o.retCode === '503')), `every reply is 200 or 503: ${describeOutcomes(outcomes.filter((o) => o.status !== 200 && o.status !== 503))}`);
    const late = outcomes.filter((o) => o.sentAt >= restoredAt + 1000 && o.status !== 200);
    assert.deepEqual(late, [], `a second after the store came back: ${describeOutcomes(late)}`);
    for (const deviceId of devices) {
      assert.ok(outcomes.some((o) => o.deviceId === deviceId && o.status === 200 && o.answeredAt > restoredAt), `${deviceId} was operated again after the cut`);
    }

    assert.deepEqual(gbt, { status: 503, body: { status: 100114, msg: 'service unavailable; retry later' } }, 'GB/T 43960 answers in its own envelope');

    const acknowledged = outcomes.filter((o) => o.status === 200).length;
    await eventually('the reports of every acknowledged op', () => new Set(p.partner.reports.map((r) => r.eventId)).size >= acknowledged, 20_000);
    assertNothingLost(outcomes, p.partner, await devicesState(p, devices));

    const down = lines.filter((l) => l.msg.startsWith('the store is unavailable'));
    const up = lines.filter((l) => l.msg === 'the store is available again');
    assert.equal(down.length, 1, 'the outage is logged once when it starts');
    assert.equal(up.length, 1, 'and once when it ends');
    assert.ok(lines.every((l) => l.level < 50 || l.msg.startsWith('the store is unavailable')), 'no request logged as an error');
  });

  it('paused for 10 s: every request is answered within its budget (a connection, one statement) plus 1 s, and served again after', async (t) => {
    const { p, proxy, alice, devices } = await platformBehindProxy(t);
    const loops = opLoops(alice, devices);
    const { outcomes, restoredAt } = await throughFault(p, proxy, loops, () => proxy.pause(), 10_000);

    t.diagnostic(`${outcomes.length} replies, the slowest in ${slowest(outcomes)} ms (budget ${budgetMs} ms); every device served again ${backAfter(outcomes, devices, restoredAt)} ms after the pause`);
    const slow = outcomes.filter((o) => o.answeredAt - o.sentAt > budgetMs + 1000);
    assert.deepEqual(slow, [], `answered later than ${budgetMs + 1000} ms: ${describeOutcomes(slow)}`);
    assert.ok(outcomes.every((o) => o.status === 200 || (o.status === 503 && o.retCode === '503')), `every reply is 200 or 503: ${describeOutcomes(outcomes.filter((o) => o.status !== 200 && o.status !== 503))}`);
    assert.ok(outcomes.some((o) => o.status === 503), 'the pause was noticed');
    for (const deviceId of devices) {
      assert.ok(outcomes.some((o) => o.deviceId === deviceId && o.status === 200 && o.answeredAt > restoredAt), `${deviceId} was operated again after the pause`);
    }
    const acknowledged = outcomes.filter((o) => o.status === 200).length;
    await eventually('the reports of every acknowledged op', () => new Set(p.partner.reports.map((r) => r.eventId)).size >= acknowledged, 20_000);
    assertNothingLost(outcomes, p.partner, await devicesState(p, devices));
  });
});
