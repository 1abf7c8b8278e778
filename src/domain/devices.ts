// Clause 7.2: binding, listing, reading and operating devices, and the reports (7.2.8) every
// change produces. A user reaches only the devices bound to them.
import { randomUUID } from 'node:crypto';
import { CallerRules, requireToken, resolveCaller, type FoundCaller } from './accounts.ts';
import { applyCommand } from './capabilities.ts';
import { CommitQueue, type Outcome } from './commit-queue.ts';
import { InteropError, refuse, RetCodes, type RetCode } from './errors.ts';
import type { DeviceFilter, DeviceInfoFields, DeviceRecord, DeviceState, DeviceToChange, NamedDevice, NamedRecords, OutboxReport, Partner, Repositories, RequestNames, Store, UserRecord } from './model.ts';
import { step } from './simulator.ts';
import { hashToken } from './tokens.ts';

export interface DeviceFailure {
  deviceID: string;
  RetCode: RetCode;
  RetInfo: string;
}

export interface BatchResult {
  failures: DeviceFailure[];
}

interface Command {
  deviceId: string;
  attrs: Record<string, string>;
}

/** A 7.2.7 request waiting for its group: what it names, who may make it, what it commands. */
interface Operation {
  names: RequestNames;
  authorize: (found: FoundCaller) => void;
  commands: Command[];
}

/** Operations committed together at most: a bigger group holds its devices' locks longer and
 * sends longer arrays, and beyond a few dozen the commit it saves is a small share of the group. */
export const MAX_OPERATION_GROUP = 64;

export interface DevicesOptions {
  store: Store;
  now?: () => Date;
  /** Faults injected into simulated devices by id, e.g. { C89346112DD5: 'waterHeatingErr' }. */
  faults?: Record<string, string>;
  /** Whether delivery of reports to this partner is too far behind to take more from ops. */
  behind?: (platId: string) => boolean;
}

export class Devices {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #faults: Record<string, string>;
  readonly #behind: (platId: string) => boolean;
  readonly #operations = new CommitQueue<Operation, void>((group) => this.#operateGroup(group), MAX_OPERATION_GROUP);

  constructor(options: DevicesOptions) {
    this.#store = options.store;
    this.#now = options.now ?? (() => new Date());
    this.#faults = options.faults ?? {};
    this.#behind = options.behind ?? (() => false);
  }

  /** 7.2.1: each device on its own; one bound to someone else needs that owner's trust. */
  async bind(user: UserRecord, deviceIds: string[]): Promise<BatchResult> {
    return this.#batch(deviceIds, async (repos, id) => {
      const device = await repos.devices.resolve(id);
      if (!device) refuse(RetCodes.UnknownDevice, `unknown device ${id}`);
      const owners = (await repos.bindings.usersOf(device.deviceId)).map((o) => o.userId).filter((o) => o !== user.userId);
      for (const owner of owners) {
        if (!(await repos.trust.trusts(owner, user.userId))) refuse(RetCodes.Conflict, `device ${id} is bound to another user who does not trust this user`);
      }
      await repos.bindings.bind(user.userId, device.deviceId);
    });
  }

  /** 7.2.2: each device on its own. */
  async unbind(user: UserRecord, deviceIds: string[]): Promise<BatchResult> {
    return this.#batch(deviceIds, async (repos, id) => {
      const device = await repos.devices.resolve(id);
      if (!device) refuse(RetCodes.UnknownDevice, `unknown device ${id}`);
      if (!(await repos.bindings.unbind(user.userId, device.deviceId))) refuse(RetCodes.DeviceNotBound, `device ${id} is not bound to user ${user.userId}`);
    });
  }

  async #batch(ids: string[], one: (repos: Repositories, id: string) => Promise<void>): Promise<BatchResult> {
    const failures: DeviceFailure[] = [];
    for (const id of new Set(ids)) {
      try {
        await this.#store.transaction((repos) => one(repos, id));
      } catch (error) {
        if (!(error instanceof InteropError)) throw error;
        failures.push({ deviceID: id, RetCode: error.retCode, RetInfo: error.message });
      }
    }
    return { failures };
  }

  /** 7.2.3 */
  list(user: UserRecord, filters: DeviceFilter[]): Promise<DeviceRecord[]> {
    return this.#store.devices.listBoundTo(user.userId, filters);
  }

  /** The devices named, in order, each bound to the user; otherwise the whole request is refused. */
  async bound(user: UserRecord, ids: string[]): Promise<DeviceRecord[]> {
    const found = await this.#store.requests.find({ userId: user.userId, tokenHash: null, deviceIds: ids });
    return boundOnly(user.userId, ids, found.devices).map((d) => d.device);
  }

  /**
   * 7.2.6: the devices named, in order, each bound to the user the body names; the AccessToken is
   * optional, and one that is sent must be valid and the user's (ERRATA E-32). The refusals are
   * those of the user and token (CallerRules), then of bound. One statement finds everything.
   */
  async status(partner: Partner, userId: string, accessToken: string | undefined, ids: string[]): Promise<DeviceRecord[]> {
    const found = await this.#store.requests.find({ userId, tokenHash: accessToken ? hashToken(accessToken) : null, deviceIds: ids });
    resolveCaller(partner, { accessToken, userId }, found, this.#now(), accessToken === undefined ? CallerRules.user : CallerRules.userWithToken);
    return boundOnly(userId, ids, found.devices).map((d) => d.device);
  }

  /** 7.2.5: all devices change or none does. */
  async modify(user: UserRecord, changes: { deviceId: string; fields: DeviceInfoFields }[]): Promise<void> {
    await this.#store.transaction(async (repos) => {
      const ids = changes.map((c) => c.deviceId);
      // Locked first, in the order every change locks devices, so it cannot deadlock with 7.2.7.
      const [found] = await repos.requests.findForChange([{ userId: user.userId, tokenHash: null, deviceIds: ids }]);
      for (const [i, { device }] of boundOnly(user.userId, ids, found!.devices).entries()) await repos.devices.updateInfo(device.deviceId, changes[i]!.fields);
    });
  }

  /** 7.2.7 for a partner: the AccessToken must be the named user's (CallerRules.tokenOfUser); then as operate. */
  async operateAs(partner: Partner, userId: string, accessToken: string | undefined, commands: Command[]): Promise<void> {
    requireToken(accessToken);
    const names = { userId, tokenHash: hashToken(accessToken), deviceIds: commands.map((c) => c.deviceId) };
    await this.#operations.submit({ names, authorize: (found) => resolveCaller(partner, { accessToken, userId }, found, this.#now(), CallerRules.tokenOfUser), commands });
  }

  /** 7.2.7: every command must be valid for its device; then all apply, with their reports, or none. */
  async operate(user: UserRecord, commands: Command[]): Promise<void> {
    await this.#operations.submit({ names: { userId: user.userId, tokenHash: null, deviceIds: commands.map((c) => c.deviceId) }, authorize: () => {}, commands });
  }

  /**
   * A group of operations in one transaction of two statements: the lookup of everything they
   * name, which locks their devices, and the write of every state and report. Each operation is
   * all or nothing on its own: a refused one leaves the group's states as they were, and its
   * neighbours commit. When the transaction itself fails (the store out of reach, a statement
   * timeout), each operation of the group gets that failure, and none is retried alone: the
   * failure is the store's, not an operation's (each operation's own refusals are settled before
   * the write, and the devices of the whole group are locked in one statement in device_id order,
   * so no deadlock singles a group out), and retrying them one by one against a store out of reach
   * would only keep their callers waiting that many times longer for the same 503.
   */
  async #operateGroup(operations: Operation[]): Promise<Outcome<void>[]> {
    return this.#store.transaction(async (repos) => {
      const found = await repos.requests.findForChange(operations.map((o) => o.names));
      const states = new Map<string, DeviceState>();
      const reports: OutboxReport[] = [];
      const outcomes = operations.map((operation, i): Outcome<void> => {
        try {
          const change = this.#operation(operation, found[i]!, states);
          for (const state of change.states) states.set(state.deviceId, state);
          reports.push(...change.reports);
          return { ok: true, value: undefined };
        } catch (error) {
          return { ok: false, error };
        }
      });
      if (states.size > 0) await repos.devices.record([...states.values()], reports);
      return outcomes;
    });
  }

  /** What one operation changes, on the states the earlier operations of its group left (`before`). */
  #operation({ names, authorize, commands }: Operation, found: NamedRecords<NamedDevice & DeviceToChange>, before: ReadonlyMap<string, DeviceState>): { states: DeviceState[]; reports: OutboxReport[] } {
    authorize(found);
    const targets = boundOnly(names.userId, names.deviceIds, found.devices);
    // Pushed back rather than queued: the op's reports could not be delivered in step with it.
    const behind = targets.flatMap((t) => t.reportTo).find((platId) => this.#behind(platId));
    if (behind !== undefined) refuse(RetCodes.RateLimited, `reports to partner ${behind} wait undelivered beyond the platform's bound: retry later`);
    const states = new Map<string, DeviceState>();
    const reports: OutboxReport[] = [];
    for (const [i, target] of targets.entries()) {
      // A device named twice takes its commands in turn, the second on the state the first left.
      const id = target.device.deviceId;
      const device = { ...target.device, ...before.get(id), ...states.get(id) };
      const result = applyCommand(device, commands[i]!.attrs);
      if (!result.ok) refuse(RetCodes.BusinessFailure, `device ${commands[i]!.deviceId}: ${result.reason}`);
      if (Object.keys(result.changed).length === 0) continue;
      states.set(id, { deviceId: id, attrs: result.attrs, online: device.online });
      reports.push(...this.#reports(target, 'attr', result.changed));
    }
    return { states: [...states.values()], reports };
  }

  /**
   * One simulation step of every active device: appliances change on their own after a command.
   * Each step starts from the device's row as it is now, locked until the step is written, so a
   * command that just changed it is not overwritten. Processes sharing one PostgreSQL take turns:
   * while one steps, the others' tick does nothing (and returns 0), so no device steps twice at once.
   * Each process still ticks on its own timer, so n processes step appliances up to n times per tick
   * interval.
   */
  async tick(): Promise<number> {
    return this.#store.transaction(async (repos) => {
      if (!(await repos.simulation.takeTurn())) return 0;
      const states: DeviceState[] = [];
      const reports: OutboxReport[] = [];
      let stepped = 0;
      for (const target of await repos.devices.listActiveForChange()) {
        const { device } = target;
        const fault = this.#faults[device.deviceId];
        const next = step(device, fault ? { fault } : undefined);
        if (!next) continue;
        stepped += 1;
        if (Object.keys(next.changed).length > 0) {
          states.push({ deviceId: device.deviceId, attrs: next.attrs, online: device.online });
          reports.push(...this.#reports(target, 'attr', next.changed));
        }
        if (next.alarm) reports.push(...this.#reports(target, 'alarm', next.alarm));
      }
      if (stepped > 0) await repos.devices.record(states, reports);
      return stepped;
    });
  }

  /** 7.2.8 onOffline: a device connects or disconnects. */
  async setOnline(deviceId: string, online: boolean, ip?: string): Promise<void> {
    await this.#store.transaction(async (repos) => {
      const target = await repos.devices.resolveForChange(deviceId);
      if (!target) refuse(RetCodes.UnknownDevice, `unknown device ${deviceId}`);
      const { device } = target;
      if (device.online === online) return;
      const attrs = { ...device.attrs, onLine: online ? 'True' : 'False' };
      const status: Record<string, string> = { onLine: attrs.onLine! };
      if (online && ip) status.ip = ip;
      await repos.devices.record([{ deviceId: device.deviceId, attrs, online }], this.#reports(target, 'onOffline', status));
    });
  }

  /** A change's reports, one to every partner subscribed to the device. */
  #reports({ device, reportTo }: DeviceToChange, dataType: OutboxReport['dataType'], status: Record<string, string>): OutboxReport[] {
    const timeStamp = String(this.#now().getTime());
    return reportTo.map((platId) => ({
      eventId: randomUUID(),
      platId,
      deviceId: device.deviceId,
      dataType,
      payload: { DeviceID: device.deviceId, DataType: dataType, DeviceStatus: status, TimeStamp: timeStamp },
    }));
  }
}

/** The devices named, in order, each bound to the user; otherwise the whole request is refused,
 * for the first device named that is unknown or not bound. */
function boundOnly<D extends NamedDevice>(userId: string, ids: string[], found: (D | undefined)[]): D[] {
  return ids.map((id, i) => {
    const device = found[i];
    if (!device) refuse(RetCodes.UnknownDevice, `unknown device ${id}`);
    if (!device.bound) refuse(RetCodes.DeviceNotBound, `device ${id} is not bound to user ${userId}`);
    return device;
  });
}
