// The rules across messages, one by one: the real platform behind the proxy, and a defect in front
// of it (or a B that misreports) that breaks that rule only. Each case first shows the rule silent
// on the correct behaviour, then firing on the defect.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { Defect, ProxiedReply, ProxiedRequest } from '../conformance/defects.ts';
import { sharedPlatform } from '../support/platform.ts';
import { linkThroughProxy, type Link } from './support/link.ts';

const json = (body: unknown): ProxiedReply => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body });
const on = (path: string, rewrite: (request: ProxiedRequest, reply: ProxiedReply) => ProxiedReply): Defect => ({ name: path, rewrite: (request, reply) => (request.path === path ? rewrite(request, reply) : reply) });
const ok = { RetCode: '200', RetInfo: 'ok' };

/** The rules the link's proxy found besides the request checks, each once. */
const found = (link: Link) => link.watched.rules();

describe('rules across messages, each broken alone', () => {
  const platform = sharedPlatform();

  async function link(t: TestContext, defect?: Defect) {
    return linkThroughProxy(t, platform(), defect ? { defect } : {});
  }

  it('7.1.2 token.after-logout: a logout that destroys nothing lets the token through', async (t) => {
    const honest = await link(t);
    const alice = await honest.login();
    await alice.client.user_logout({ body: {} });
    assert.equal((await alice.client.user_logout({ body: {} })).data?.RetCode, undefined, 'the platform refuses the logged-out token');
    assert.deepEqual(found(honest), []);

    const broken = await link(t, { name: 'logout keeps the token', intercept: (r) => (r.path === '/user/logout' ? json(ok) : undefined) });
    const bob = await broken.login();
    await bob.client.user_logout({ body: {} });
    await bob.client.users_devices({ body: { UserID: bob.userId } });
    await bob.client.devices_op({ body: { UserID: bob.userId, Device: [] } }).catch(() => undefined);
    assert.ok(found(broken).includes('token.after-logout'));
    assert.deepEqual(found(broken).filter((r) => r !== 'document.request'), ['token.after-logout']);
  });

  it('7.1.3 token.after-unregister: an unregister that deletes nothing lets the token through', async (t) => {
    const unregister = { User: [{ UserBase: { loginID: 'x', status: '2' as const } }] };
    const broken = await link(t, { name: 'unregister deletes nothing', intercept: (r) => (r.path === '/user/unregister' ? json({ RetCode: '200', RetInfo: '注销成功。' }) : undefined) });
    const carol = await broken.login();
    await carol.client.user_unregister({ body: unregister });
    assert.equal((await carol.client.user_logout({ body: {} })).data?.RetCode, '200', 'the platform still knows the token');
    assert.deepEqual(found(broken), ['token.after-unregister']);
  });

  it('7.2.7 binding.op-not-bound: an op on an unbound device accepted', async (t) => {
    const deviceId = await platform().addDevice();
    const broken = await link(t, on('/devices/op', (_r, reply) => ((reply.body as { RetCode?: string }).RetCode === '4031' ? json(ok) : reply)));
    const dan = await broken.login();
    await broken.bind(dan, deviceId);
    await broken.unbind(dan, deviceId);
    assert.deepEqual(found(broken), []);
    const { data } = await dan.client.devices_op({ body: { UserID: dan.userId, Device: [{ DeviceInfo: { deviceID: deviceId }, DeviceAttr: { onOffStatus: 'True' } }] } });
    assert.equal(data?.RetCode, '200');
    assert.deepEqual(found(broken), ['binding.op-not-bound']);
  });

  it("7.2.6 binding.status-not-bound: the status of another user's device given", async (t) => {
    const deviceId = await platform().addDevice();
    const broken = await link(t, on('/devices/deviceStatus', (_r, reply) => ((reply.body as { RetCode?: string }).RetCode === '4031' ? json({ ...ok, Device: [{ DeviceAttr: { onLine: 'True' } }] }) : reply)));
    const [erin, frank] = [await broken.login(), await broken.login()];
    await broken.bind(erin, deviceId);
    await frank.client.devices_deviceStatus({ body: { UserID: frank.userId, Device: [{ DeviceInfo: { deviceID: deviceId } }] } });
    assert.deepEqual(found(broken), ['binding.status-not-bound']);
  });

  it("7.2.3 binding.listed-not-bound: another user's device in the list", async (t) => {
    const deviceId = await platform().addDevice();
    const broken = await link(t, on('/users/devices', (_r, reply) => json({ ...(reply.body as object), Device: [{ DeviceInfo: { deviceID: deviceId, deviceType: '02002001', name: null } }] })));
    const [gina, hugo] = [await broken.login(), await broken.login()];
    await broken.bind(gina, deviceId);
    await gina.client.users_devices({ body: { UserID: gina.userId } });
    assert.deepEqual(found(broken), [], "the owner's list is right");
    await hugo.client.users_devices({ body: { UserID: hugo.userId } });
    assert.deepEqual(found(broken), ['binding.listed-not-bound']);
  });

  it('7.2.1 batch.failed-ids-subset: FailedIDs names a device the request did not ask for', async (t) => {
    const deviceId = await platform().addDevice();
    const broken = await link(t, on('/user/bindDevices', () => json({ RetCode: '500', RetInfo: 'failed', FailedIDs: ['FFFF00000000'] })));
    const ida = await broken.login();
    await ida.client.user_bindDevices({ body: { UserID: ida.userId, Device: [{ DeviceInfo: { deviceID: deviceId } }] } });
    assert.deepEqual(found(broken), ['batch.failed-ids-subset']);
  });

  it('7.2.2 batch.failed-ids-unnamed: a failed unbind names no device', async (t) => {
    const broken = await link(t, on('/user/unbindDevices', (_r, reply) => json({ ...(reply.body as object), FailedIDs: [] })));
    const jack = await broken.login();
    const { data } = await jack.client.user_unbindDevices({ body: { UserID: jack.userId, Device: [{ DeviceInfo: { deviceID: 'FFFFFF000000' } }] } });
    assert.equal(data?.RetCode, '500', 'unbinding an unknown device fails');
    assert.deepEqual(found(broken), ['batch.failed-ids-unnamed']);
  });

  it('7.2.6 batch.status-count: a status reply with fewer items than devices asked', async (t) => {
    const [one, two] = [await platform().addDevice(), await platform().addDevice()];
    const broken = await link(t, on('/devices/deviceStatus', (_r, reply) => json({ ...(reply.body as object), Device: ((reply.body as { Device: unknown[] }).Device ?? []).slice(0, 1) })));
    const kim = await broken.login();
    await broken.bind(kim, one, two);
    await kim.client.devices_deviceStatus({ body: { UserID: kim.userId, Device: [{ DeviceInfo: { deviceID: one } }] } });
    assert.deepEqual(found(broken), [], 'one asked, one given');
    await kim.client.devices_deviceStatus({ body: { UserID: kim.userId, Device: [{ DeviceInfo: { deviceID: one } }, { DeviceInfo: { deviceID: two } }] } });
    assert.deepEqual(found(broken), ['batch.status-count']);
  });
});

describe('rules across messages on reports (B → A), each broken alone', () => {
  const platform = sharedPlatform();
  const attr = (deviceId: string, timeStamp: number, onOffStatus = 'True') => ({ TimeStamp: String(timeStamp), DeviceID: deviceId, DataType: 'attr', DeviceStatus: { onOffStatus } });

  it('7.2.8 report.timestamp-backwards: a report older than the one before it', async (t) => {
    const link = await linkThroughProxy(t, platform());
    const now = Date.now();
    await link.report(attr('C8934610162D', now - 2000), 'e-1');
    await link.report(attr('C8934610162D', now - 1000), 'e-2');
    await link.report(attr('C8934610162D', now - 2000), 'e-1');
    assert.deepEqual(found(link), [], 'in order, and a retry of the first is no step back');
    await link.report(attr('C8934610162D', now - 3000), 'e-3');
    assert.deepEqual(found(link), ['report.timestamp-backwards']);
  });

  it('7.2.8 report.event-id-conflict: one EventID, two different reports', async (t) => {
    const link = await linkThroughProxy(t, platform());
    const now = Date.now();
    await link.report(attr('C8934610162D', now), 'e-7');
    await link.report(attr('C8934610162D', now), 'e-7');
    assert.deepEqual(found(link), [], 'a retry carries the same report');
    await link.report(attr('C8934610162D', now + 1, 'False'), 'e-7');
    assert.deepEqual(found(link), ['report.event-id-conflict']);
  });

  it('7.2.8 report.device-not-bound: a report of a device the user unbound', async (t) => {
    const deviceId = await platform().addDevice();
    const link = await linkThroughProxy(t, platform());
    const lena = await link.login();
    await link.bind(lena, deviceId);
    await link.report(attr(deviceId, Date.now()), 'e-20');
    assert.deepEqual(found(link), [], 'bound: its reports are expected');
    await link.unbind(lena, deviceId);
    await link.report(attr(deviceId, Date.now() + 5), 'e-21');
    assert.deepEqual(found(link), ['report.device-not-bound']);
  });
});
