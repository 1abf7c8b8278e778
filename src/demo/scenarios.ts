// The standard's two scenarios (clause 4), played by platform A through the SDK against platform B,
// step by step on the timeline. A step's check failing throws, which ends the scenario.
import { setTimeout as sleep } from 'node:timers/promises';
import { capabilityModelFor, RunningStatus } from '../domain/capabilities.ts';
import type { UserRecord } from '../domain/model.ts';
import { CheaaApiError, type PlatformClient } from '../sdk/index.ts';
import { receivedReports, type ReceivedReport } from '../store/received-reports.ts';
import { createStore } from '../store/repositories.ts';
import { watchRule } from './linkage-rule.ts';
import { AIR_CONDITIONER, PURIFIER, WASHER, type DemoPlatforms } from './platforms.ts';
import type { Timeline } from './timeline.ts';

export interface ScenarioContext {
  platforms: DemoPlatforms;
  /** A's SDK client of B, over mutual TLS with A's certificate. */
  client: PlatformClient;
  timeline: Timeline;
  /** How long to wait for something B does on its own (reports, the wash cycle). */
  waitMs: number;
}

/** The userID B gave A's user at login, which later calls name (clause 7.2). */
interface Session {
  userId: string;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
    await sleep(25);
  }
}

/** The promise, or a rejection after `ms`; the timer does not outlive it. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

const attrsText = (attrs: Record<string, unknown>) => Object.entries(attrs).map(([k, v]) => `${k}=${String(v)}`).join(' ');
const phase = (status: string | undefined) => Object.entries(RunningStatus).find(([, code]) => code === status)?.[0];
const kindOf = (deviceType: string | undefined) => (deviceType && capabilityModelFor(deviceType)?.name) ?? 'unknown kind';

/** A's data gateway (7.2.8): the next report of a device that A's store has and `seen` has not. */
function reportsOf(ctx: ScenarioContext, deviceId: string) {
  const store = receivedReports(ctx.platforms.a.db);
  const seen = new Set<string>();
  return (what: string) =>
    until(what, ctx.waitMs, async () => {
      const next = (await store.list(deviceId)).find((r) => !seen.has(r.eventId));
      if (next) seen.add(next.eventId);
      return next;
    });
}

const statusOf = (r: ReceivedReport) => (r.payload.DeviceStatus ?? {}) as Record<string, string>;
const reportLine = (r: ReceivedReport) => `${r.dataType} ${attrsText(statusOf(r))}`;

async function login(ctx: ScenarioContext): Promise<Session> {
  const { user } = ctx.platforms;
  const reply = await ctx.timeline.step(
    { route: 'A → B', api: '7.1.1 user/login', what: `A's user ${user.loginId} logs into B; B asks A's 7.1.4 user/verify (B → A)` },
    () => ctx.client.user_login({ User: [{ UserBase: { loginID: user.loginId, loginName: 'ZhangWei' } }], AuthToken: user.authToken }),
    (r) => `A vouched for the user; B's userID ${r.User?.[0]?.UserBase?.userID}, AccessToken issued`,
  );
  const userId = reply.User?.[0]?.UserBase?.userID;
  check(userId, 'the login reply has no userID');
  check(ctx.client.accessToken, 'the login reply has no AccessToken');
  return { userId };
}

/** Scenario 1: A's user operates B's washing machine and A receives its reports. */
export async function remoteControl(ctx: ScenarioContext): Promise<Session> {
  const { timeline, client } = ctx;
  timeline.heading(`Scenario 1 (clause 4): A's user controls B's washing machine across clouds`);
  const session = await login(ctx);
  const { userId } = session;

  await timeline.step(
    { route: 'A → B', api: '7.2.1 user/bindDevices', what: `bind B's washing machine by its UDeviceID ${WASHER.udeviceId}` },
    () => client.user_bindDevices({ UserID: userId, Device: [{ DeviceInfo: { deviceID: WASHER.udeviceId } }] }),
    (r) => `bound (FailedIDs ${JSON.stringify(r.FailedIDs ?? [])})`,
  );
  await timeline.step(
    { route: 'A → B', api: '7.2.3 users/devices', what: `list the user's devices on B` },
    async () => {
      const reply = await client.users_devices({ UserID: userId });
      const devices = (reply.Device ?? []).map((d) => d.DeviceInfo);
      check(devices.some((d) => d?.deviceID === WASHER.deviceId), `${WASHER.deviceId} is not in the list`);
      return devices;
    },
    (devices) => devices.map((d) => `${d?.deviceID} (${kindOf(d?.deviceType)}, ${d?.model})`).join(', '),
  );
  const reports = reportsOf(ctx, WASHER.deviceId);
  const op = (attrs: Record<string, string>) => client.devices_op({ UserID: userId, Device: [{ DeviceInfo: { deviceID: WASHER.deviceId, deviceType: WASHER.deviceType }, DeviceAttr: attrs }] });
  await timeline.step({ route: 'A → B', api: '7.2.7 devices/op', what: 'switch the washing machine on (onOffStatus True)' }, () => op({ onOffStatus: 'True' }), (r) => `RetCode ${r.RetCode}`);
  await timeline.step({ route: 'A → B', api: '7.2.7 devices/op', what: 'set the laundry cycle to quick wash (laundryCycle 3): the cycle starts' }, () => op({ laundryCycle: '3' }), (r) => `RetCode ${r.RetCode}`);

  // B's simulation runs the cycle; every change reaches A's data gateway as an attr report.
  for (;;) {
    const report = await timeline.step(
      { route: 'B → A', api: '7.2.8 dataservices/dataGateway', what: 'B reports the washing machine to A' },
      () => reports('report of the washing machine at A'),
      (r) => `stored at A: ${reportLine(r)}${phase(statusOf(r).runningstatus) ? ` (${phase(statusOf(r).runningstatus)})` : ''}`,
    );
    if (statusOf(report).runningstatus === RunningStatus.finished) break;
  }

  await timeline.step(
    { route: 'A → B', api: '7.2.7 devices/op', what: 'an invalid command (laundryCycle 9, no such cycle) is refused' },
    async () => {
      try {
        await op({ laundryCycle: '9' });
      } catch (error) {
        if (error instanceof CheaaApiError) return error;
        throw error;
      }
      throw new Error('B accepted laundryCycle 9');
    },
    (e) => `refused with RetCode ${e.retCode}: ${e.retInfo}`,
  );
  return session;
}

/** Scenario 2: a rule in A, fired by A's own air conditioner, operates B's air purifier. */
export async function linkage(ctx: ScenarioContext, session: Session): Promise<void> {
  const { timeline, client, platforms } = ctx;
  const { a, user } = platforms;
  const { userId } = session;
  timeline.heading(`Scenario 2 (clause 4): a linkage rule in A operates B's air purifier`);

  await timeline.step(
    { route: 'A → B', api: '7.2.1 user/bindDevices', what: `bind B's air purifier ${PURIFIER.deviceId}` },
    () => client.user_bindDevices({ UserID: userId, Device: [{ DeviceInfo: { deviceID: PURIFIER.deviceId } }] }),
    () => 'bound',
  );

  // The user's account in A's own cloud (A's app), where A's own air conditioner is bound. It is a
  // record of A's own store, not a CHEAA login: A does not log into itself.
  const homeUser: UserRecord = { userId: `home-${user.loginId}`, platId: a.identity.platId, loginId: user.loginId, loginName: 'Zhang Wei', email: null, mobile: null, status: '0', profile: {} };
  await timeline.step(
    { route: 'A', api: "A's own app (not an interface)", what: `${user.loginId}'s air conditioner ${AIR_CONDITIONER.deviceId} is in their A account` },
    async () => {
      await createStore(a.db).users.insert(homeUser);
      const { failures } = await a.platform.devices.bind(homeUser, [AIR_CONDITIONER.deviceId]);
      check(failures.length === 0, JSON.stringify(failures));
    },
  );

  const purifierReports = reportsOf(ctx, PURIFIER.deviceId);
  const rule = watchRule(a.db, {
    description: "when my air conditioner switches on, switch B's air purifier on",
    deviceId: AIR_CONDITIONER.deviceId,
    when: (attrs) => attrs.onOffStatus === 'True',
    then: async () => {
      await timeline.step(
        { route: 'A → B', api: '7.2.7 devices/op', what: "A's rule fired: switch B's air purifier on" },
        () => client.devices_op({ UserID: userId, Device: [{ DeviceInfo: { deviceID: PURIFIER.deviceId, deviceType: PURIFIER.deviceType }, DeviceAttr: { onOffStatus: 'True' } }] }),
        (r) => `RetCode ${r.RetCode}`,
      );
    },
  });
  try {
    await timeline.step({ route: 'A', api: "A's linkage rule", what: "when my air conditioner switches on, switch B's air purifier on" }, async () => sleep(100), () => 'watching A\'s air conditioner');
    await timeline.step(
      { route: 'A', api: "A's own app (not an interface)", what: "the user switches A's air conditioner on" },
      () => a.platform.devices.operate(homeUser, [{ deviceId: AIR_CONDITIONER.deviceId, attrs: { onOffStatus: 'True', mode: 'cool' } }]),
      () => `${kindOf(AIR_CONDITIONER.deviceType)} on, cooling`,
    );
    await within(rule.fired, ctx.waitMs, 'the rule did not fire');
  } finally {
    await rule.stop();
  }

  await timeline.step(
    { route: 'A → B', api: '7.2.6 devices/deviceStatus', what: "confirm B's air purifier is on" },
    async () => {
      const reply = await client.devices_deviceStatus({ UserID: userId, Device: [{ DeviceInfo: { deviceID: PURIFIER.deviceId, deviceType: PURIFIER.deviceType } }] });
      const attrs = (reply.Device?.[0]?.DeviceAttr ?? {}) as Record<string, unknown>;
      check(attrs.onOffStatus === 'True', `onOffStatus is ${String(attrs.onOffStatus)}`);
      return attrs;
    },
    (attrs) => attrsText(attrs),
  );
  await timeline.step(
    { route: 'B → A', api: '7.2.8 dataservices/dataGateway', what: 'B reports the air purifier to A' },
    async () => {
      const report = await purifierReports('report of the air purifier at A');
      check(statusOf(report).onOffStatus === 'True', `the report is ${reportLine(report)}`);
      return report;
    },
    (r) => `stored at A: ${reportLine(r)}`,
  );
  await timeline.step({ route: 'A → B', api: '7.1.2 user/logout', what: `${user.loginId} logs out of B` }, () => client.user_logout(), () => 'AccessToken destroyed');
}
