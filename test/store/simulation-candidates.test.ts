// Which devices a simulation step looks at: the store's SQL (listActiveForChange) picks the
// candidates so that a tick does not read every device, and the domain's step() decides. The SQL
// must never leave out a device that step() would move; this holds the two together over the
// states the simulated appliances go through.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCommand, initialAttributes } from '../../src/domain/capabilities.ts';
import { step } from '../../src/domain/simulator.ts';
import { repositories } from '../../src/store/repositories.ts';
import { engines, withDatabase } from '../support/database.ts';
import { DeviceTypes } from '../support/examples.ts';

type Attrs = Record<string, string>;

/** Every state a device of `deviceType` passes through from these commands on, stepping until it rests. */
function states(deviceType: string, commands: Attrs[], fault?: string): Attrs[] {
  let attrs = initialAttributes(deviceType);
  const seen = [attrs];
  for (const command of commands) {
    const result = applyCommand({ deviceType, attrs, online: true }, command);
    assert.ok(result.ok, `${deviceType} refused ${JSON.stringify(command)}: ${result.ok ? "" : result.reason}`);
    attrs = result.attrs;
    seen.push(attrs);
  }
  for (let tick = step({ deviceType, attrs, online: true }, { fault }); tick && seen.length < 50; tick = step({ deviceType, attrs, online: true }, { fault })) {
    attrs = tick.attrs;
    seen.push(attrs);
  }
  return seen;
}

const journeys: [deviceType: string, commands: Attrs[], fault?: string][] = [
  [DeviceTypes.washingMachine, [{ onOffStatus: 'True' }, { laundryCycle: '3' }]],
  [DeviceTypes.washingMachine, [{ onOffStatus: 'True' }, { laundryCycle: '1' }], 'waterHeatingErr'],
  [DeviceTypes.waterHeater, [{ onOffStatus: 'True' }, { targetTemperature: '70' }]],
  [DeviceTypes.waterHeater, [{ onOffStatus: 'True' }, { targetTemperature: '70' }], 'waterHeatingErr'],
  [DeviceTypes.airConditioner, [{ onOffStatus: 'True', mode: 'cool', targetTemperature: '22' }]],
  [DeviceTypes.airConditioner, [{ onOffStatus: 'True', mode: 'heat', targetTemperature: '30' }]],
  [DeviceTypes.refrigerator, [{ quickFreeze: 'True' }]],
];

for (const engine of engines) {
  test(`on ${engine.name}, the simulation's candidates include every device a step would move, online or not`, { skip: engine.skip }, async (t) => {
    const db = await withDatabase(t, engine);
    const repos = repositories(db);
    const devices: { deviceId: string; deviceType: string; attrs: Attrs; online: boolean; fault: string | undefined }[] = [];
    for (const [deviceType, commands, fault] of journeys) {
      for (const attrs of states(deviceType, commands, fault)) {
        for (const online of [true, false]) devices.push({ deviceId: `S${devices.length}`, deviceType, attrs, online, fault });
      }
    }
    for (const d of devices) {
      await repos.devices.seed({ deviceId: d.deviceId, udeviceId: null, deviceType: d.deviceType, model: null, manufacturer: null, brand: null, accessWay: null, attrs: d.attrs, online: d.online });
    }
    const candidates = new Set(await db.transaction(async (tx) => (await repositories(tx).devices.listActiveForChange()).map((c) => c.device.deviceId)));
    const moving = devices.filter((d) => step(d, { fault: d.fault }) !== undefined);
    assert.ok(moving.length >= 10, `the journeys move devices (${moving.length})`);
    assert.deepEqual(moving.filter((d) => !candidates.has(d.deviceId)).map((d) => `${d.deviceType} ${JSON.stringify(d.attrs)}`), []);
  });
}
