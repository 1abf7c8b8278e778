// The platform pushes back when delivery falls behind (delivery.maxBacklog): while more reports to
// a partner wait than the bound, a 7.2.7 op that would report to it is refused with RetCode 429
// and Retry-After, changing nothing; once the partner takes reports again and the backlog drains,
// ops are taken again. Every report of an accepted op arrives: pushing back loses nothing.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DeviceTypes } from '../support/examples.ts';
import { eventually } from '../support/eventually.ts';
import { startTestPlatform } from '../support/platform.ts';

const MAX_BACKLOG = 3;

it('7.2.7 refused with RetCode 429 while reports to the partner wait beyond delivery.maxBacklog; taken again once delivery caught up', { timeout: 60_000 }, async (t) => {
  const p = await startTestPlatform(t, { delivery: { maxBacklog: MAX_BACKLOG } });
  const alice = await p.login();
  const fridge = await p.addDevice(DeviceTypes.refrigerator);
  await p.bind(alice, fridge);
  const op = async (quickFreeze: 'True' | 'False') => {
    const { response, data, error } = await alice.client.devices_op({ body: { UserID: alice.userId, Device: [{ DeviceInfo: { deviceID: fridge }, DeviceAttr: { quickFreeze } }] } });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), retCode: (data ?? error)?.RetCode, retInfo: (data ?? error)?.RetInfo };
  };
  const quickFreeze = async () => {
    const { data } = await alice.client.devices_deviceStatus({ body: { UserID: alice.userId, Device: [{ DeviceInfo: { deviceID: fridge } }] } });
    return data?.Device?.[0]?.DeviceAttr?.quickFreeze;
  };

  // The partner refuses every report: each op's report stays in the outbox.
  p.partner.outage = 'refuse';
  let accepted = 0;
  let value: 'True' | 'False' = 'True';
  const refused = await eventually('an op refused once the backlog passed the bound', async () => {
    const reply = await op(value);
    if (reply.retCode === '200') {
      accepted += 1;
      value = value === 'True' ? 'False' : 'True';
      return false;
    }
    return reply;
  });
  assert.deepEqual({ status: refused.status, retCode: refused.retCode, retryAfter: refused.retryAfter }, { status: 429, retCode: '429', retryAfter: '1' });
  assert.match(refused.retInfo ?? '', new RegExp(`reports to partner ${p.partner.platId} wait undelivered`));
  assert.ok(accepted > MAX_BACKLOG, `${accepted} ops taken before the push back`);
  // The refused op changed nothing: the fridge keeps the state of the last op taken.
  assert.equal(await quickFreeze(), value === 'True' ? 'False' : 'True');

  p.partner.outage = undefined;
  await eventually('an op taken again once delivery caught up', async () => (await op(value)).retCode === '200');
  accepted += 1;
  await eventually('every accepted op reported', () => p.partner.reportsOf(fridge).length === accepted);
});
