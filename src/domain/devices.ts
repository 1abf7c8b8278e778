// Clause 7.2: binding, listing, reading and operating devices, and the reports (7.2.8) every
// change produces. A user reaches only the devices bound to them.
import { randomUUID } from 'node:crypto';
import { applyCommand } from './capabilities.ts';
import { InteropError, refuse, RetCodes, type RetCode } from './errors.ts';
import type { DeviceFilter, DeviceInfoFields, DeviceRecord, OutboxReport, Repositories, Store, UserRecord } from './model.ts';
import { step } from './simulator.ts';

export interface DeviceFailure {
  deviceID: string;
  RetCode: RetCode;
  RetInfo: string;
}

export interface BatchResult {
  failures: DeviceFailure[];
}

type Change = { attrs: Record<string, string>; changed: Record<string, string>; alarm?: { error: string } };

export interface DevicesOptions {
  store: Store;
  now?: () => Date;
  /** Faults injected into simulated devices by id, e.g. { C89346112DD5: 'waterHeatingErr' }. */
  faults?: Record<string, string>;
}

export class Devices {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #faults: Record<string, string>;

  constructor(options: DevicesOptions) {
    this.#store = options.store;
    this.#now = options.now ?? (() => new Date());
    this.#faults = options.faults ?? {};
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
  async bound(user: UserRecord, ids: string[], repos: Repositories = this.#store): Promise<DeviceRecord[]> {
    const devices: DeviceRecord[] = [];
    for (const id of ids) {
      // Device and binding in one query: this runs for every device of every 7.2.4, 7.2.6 and 7.2.7.
      const found = await repos.devices.resolveFor(user.userId, id);
      if (!found) refuse(RetCodes.UnknownDevice, `unknown device ${id}`);
      if (!found.bound) refuse(RetCodes.DeviceNotBound, `device ${id} is not bound to user ${user.userId}`);
      devices.push(found.device);
    }
    return devices;
  }

  /** 7.2.5: all devices change or none does. */
  async modify(user: UserRecord, changes: { deviceId: string; fields: DeviceInfoFields }[]): Promise<void> {
    await this.#store.transaction(async (repos) => {
      const devices = await this.bound(user, changes.map((c) => c.deviceId), repos);
      for (const [i, device] of devices.entries()) await repos.devices.updateInfo(device.deviceId, changes[i]!.fields);
    });
  }

  /** 7.2.7: every command must be valid for its device; then all apply, with their reports, or none. */
  async operate(user: UserRecord, commands: { deviceId: string; attrs: Record<string, string> }[]): Promise<void> {
    await this.#store.transaction(async (repos) => {
      const devices = await this.bound(user, commands.map((c) => c.deviceId), repos);
      for (const [i, device] of devices.entries()) {
        const result = applyCommand(device, commands[i]!.attrs);
        if (!result.ok) refuse(RetCodes.BusinessFailure, `device ${commands[i]!.deviceId}: ${result.reason}`);
        await this.#record(repos, device, result);
      }
    });
  }

  /** One simulation step of every active device: appliances change on their own after a command. */
  async tick(): Promise<number> {
    let changed = 0;
    for (const device of await this.#store.devices.listActive()) {
      const fault = this.#faults[device.deviceId];
      const next = step(device, fault ? { fault } : undefined);
      if (!next) continue;
      await this.#store.transaction((repos) => this.#record(repos, device, next));
      changed += 1;
    }
    return changed;
  }

  /** 7.2.8 onOffline: a device connects or disconnects. */
  async setOnline(deviceId: string, online: boolean, ip?: string): Promise<void> {
    await this.#store.transaction(async (repos) => {
      const device = await repos.devices.resolve(deviceId);
      if (!device) refuse(RetCodes.UnknownDevice, `unknown device ${deviceId}`);
      if (device.online === online) return;
      const attrs = { ...device.attrs, onLine: online ? 'True' : 'False' };
      await repos.devices.updateState(device.deviceId, attrs, online);
      const status: Record<string, string> = { onLine: attrs.onLine! };
      if (online && ip) status.ip = ip;
      await this.#report(repos, device, 'onOffline', status);
    });
  }

  /** Persists a state change and, in the same transaction, its reports to every subscribed partner. */
  async #record(repos: Repositories, device: DeviceRecord, change: Change): Promise<void> {
    if (Object.keys(change.changed).length > 0) {
      await repos.devices.updateState(device.deviceId, change.attrs, device.online);
      await this.#report(repos, device, 'attr', change.changed);
    }
    if (change.alarm) await this.#report(repos, device, 'alarm', change.alarm);
  }

  async #report(repos: Repositories, device: DeviceRecord, dataType: OutboxReport['dataType'], status: Record<string, string>): Promise<void> {
    const platIds = new Set((await repos.bindings.usersOf(device.deviceId)).map((u) => u.platId));
    const timeStamp = String(this.#now().getTime());
    await repos.outbox.enqueue(
      [...platIds].map((platId) => ({
        eventId: randomUUID(),
        platId,
        deviceId: device.deviceId,
        dataType,
        payload: { DeviceID: device.deviceId, DataType: dataType, DeviceStatus: status, TimeStamp: timeStamp },
      })),
    );
  }
}
