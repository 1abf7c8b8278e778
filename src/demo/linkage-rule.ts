// A linkage rule of platform A (clause 4, scenario 2): "when this device of mine enters a state,
// do something". It watches A's own device in A's store, so it fires on a change however it was
// made (app, remote, simulation), once per transition into the state, not on every look.
import { setTimeout as sleep } from 'node:timers/promises';
import type { DeviceRecord } from '../domain/model.ts';
import type { Database } from '../store/database.ts';
import { createStore } from '../store/repositories.ts';

export interface LinkageRule {
  /** In words, for the narration. */
  description: string;
  deviceId: string;
  when(attrs: Readonly<Record<string, string>>): boolean;
  then(): Promise<void>;
}

export interface RunningRule {
  /** Resolves after the action of the first firing has completed; rejects if it failed. */
  fired: Promise<void>;
  stop(): Promise<void>;
}

export function watchRule(db: Database, rule: LinkageRule, pollMs = 50): RunningRule {
  const devices = createStore(db).devices;
  let stopped = false;
  let fire!: { resolve: () => void; reject: (e: unknown) => void };
  const fired = new Promise<void>((resolve, reject) => (fire = { resolve, reject }));
  // Callers await `fired` only once the watched change has been made; do not report a rejection early.
  fired.catch(() => undefined);
  const loop = (async () => {
    let before: boolean | undefined;
    while (!stopped) {
      const device: DeviceRecord | undefined = await devices.resolve(rule.deviceId);
      const now = device !== undefined && rule.when(device.attrs);
      // The state at the start is not a change: a device already on does not fire.
      if (before === false && now) await rule.then().then(fire.resolve, fire.reject);
      before = now;
      await sleep(pollMs);
    }
  })();
  return {
    fired,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
