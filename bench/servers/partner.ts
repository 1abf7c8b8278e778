// The loopback partner (role A): its user verify interface accepts the bench user and its data
// gateway acknowledges every report at once, so delivery is limited by the platform, not by the
// receiver. It counts reports (and EventIDs seen twice); while watching, it also stamps each
// arrival and sends it to the orchestrator for the delivery-latency measurement.
// Bare node:http rather than the SDK's partner kit, which the test partners use: it shares the two
// cores with the platform under test, and the kit (Express, validation) took 0.040 ms of CPU per
// report against 0.017 ms here (about 15 000 against 30 000 reports/s loaded alone, Node 24), so
// at the backlog's 1–3.5 k reports/s it would take 2–8 % of a core from what is measured. In quick
// delivery runs on PGlite it showed: the backlog drained at 1133 and 1243 reports/s against 1281
// and 1381, and op → report p50 was 2.6 and 2.3 ms against 2.1 and 1.9 (PostgreSQL: within noise).
import { announceReady } from '../lib/ipc.ts';
import { listen } from './listen.ts';

const verified = Buffer.from(JSON.stringify({ RetCode: '200', RetInfo: '身份验证成功' }));
const received = Buffer.from(JSON.stringify({ RetCode: '200', RetInfo: '上报成功' }));

let count = 0;
let duplicates = 0;
let first = 0;
let last = 0;
let seen = new Set<string>();
let watching = false;

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

const { port } = await listen((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const reply = req.url?.endsWith('/user/verify') ? verified : received;
    if (reply === received) {
      const t = now();
      if (count === 0) first = t;
      last = t;
      count += 1;
      const eventId = String(req.headers.eventid ?? '');
      if (seen.has(eventId)) duplicates += 1;
      else seen.add(eventId);
      if (watching) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { DeviceID: string; DeviceStatus: Record<string, string> };
        process.send?.({ report: { deviceId: body.DeviceID, status: body.DeviceStatus, t } });
      }
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': reply.length });
    res.end(reply);
  });
});

announceReady(port, {
  reset: () => {
    count = 0;
    duplicates = 0;
    first = 0;
    last = 0;
    seen = new Set();
    return null;
  },
  counts: () => ({ count, duplicates, first, last }),
  watch: (on) => {
    watching = on === true;
    return null;
  },
});
