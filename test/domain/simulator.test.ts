// The simulated appliances' own life: what one step does after a 7.2.7 command, and the alarms
// (7.2.8 DataType alarm) a configured fault raises. Every expectation is exact: steps are deterministic.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { applyCommand, initialAttributes } from '../../src/domain/capabilities.ts';
import { FAULTS, step, type Tick } from '../../src/domain/simulator.ts';
import { ConfigError, configFrom } from '../../src/config.ts';

type Attrs = Record<string, string>;
interface Device {
  deviceType: string;
  attrs: Attrs;
  online: boolean;
}

/** A new device of this type after these 7.2.7 commands, each of which must be accepted. */
function commanded(deviceType: string, ...commands: Attrs[]): Device {
  let current: Device = { deviceType, attrs: initialAttributes(deviceType), online: true };
  for (const command of commands) {
    const result = applyCommand(current, command);
    assert.ok(result.ok, `refused: ${result.ok ? '' : result.reason}`);
    current = { ...current, attrs: result.attrs };
  }
  return current;
}

/** Steps until nothing changes (at most `limit` steps); the ticks in order. */
function run(device: Device, options?: { fault?: string }, limit = 20): Tick[] {
  const ticks: Tick[] = [];
  let current = device;
  for (let tick = step(current, options); tick; tick = step(current, options)) {
    ticks.push(tick);
    assert.ok(ticks.length <= limit, 'the simulation never settles');
    current = { ...current, attrs: tick.attrs };
  }
  return ticks;
}

const DRUM = '02002001';

/** Whether a step would change something: an offline device (online false) is held still. */
const isActive = (device: { deviceType: string; attrs: Attrs; online?: boolean }) => step({ ...device, online: device.online ?? true }) !== undefined;

describe('washing machine', () => {
  it('a full wash cycle goes washing → rinsing → spinning → finished, then rests with the door unlocked', () => {
    const washer = commanded(DRUM, { onOffStatus: 'True' }, { laundryCycle: '3' });
    assert.equal(isActive(washer), true);
    const ticks = run(washer);
    assert.deepEqual(
      ticks.map((tick) => tick.changed),
      [{ runningstatus: '2' }, { runningstatus: '3' }, { runningstatus: '4', doorLockStatus: 'False' }],
    );
    assert.deepEqual(ticks.at(-1)?.attrs, { onOffStatus: 'True', laundryCycle: '3', runningstatus: '4', doorLockStatus: 'False', onLine: 'True' });
    assert.equal(isActive({ deviceType: DRUM, attrs: ticks.at(-1)?.attrs ?? {} }), false);
    assert.ok(ticks.every((tick) => tick.alarm === undefined));
  });

  it('the door stays locked until the cycle finishes', () => {
    const ticks = run(commanded(DRUM, { onOffStatus: 'True' }, { laundryCycle: '1' }));
    assert.deepEqual(ticks.map((tick) => tick.attrs.doorLockStatus), ['True', 'True', 'False']);
  });

  for (const [state, why] of [
    [{}, 'switched off'],
    [{ onOffStatus: 'True' }, 'idle'],
    [{ onOffStatus: 'True', runningstatus: '5', doorLockStatus: 'True' }, 'paused'],
    [{ onOffStatus: 'True', runningstatus: '4' }, 'finished'],
  ] as const) {
    it(`a ${why} machine does not advance`, () => {
      const washer = { deviceType: DRUM, attrs: { ...initialAttributes(DRUM), ...state }, online: true };
      assert.equal(step(washer), undefined);
      assert.equal(isActive(washer), false);
    });
  }

  it('a resumed cycle carries on to the end', () => {
    const paused = commanded(DRUM, { onOffStatus: 'True' }, { laundryCycle: '2' }, { runningstatus: '5' });
    assert.equal(step(paused), undefined);
    const resumed = commanded(DRUM, { onOffStatus: 'True' }, { laundryCycle: '2' }, { runningstatus: '5' }, { runningstatus: '1' });
    assert.equal(run(resumed).at(-1)?.attrs.runningstatus, '4');
  });

  it('fault waterHeatingErr raises that alarm once, when washing starts heating, and pauses the machine', () => {
    const ticks = run(commanded(DRUM, { onOffStatus: 'True' }, { laundryCycle: '5' }), { fault: 'waterHeatingErr' });
    assert.equal(ticks.length, 1);
    assert.deepEqual(ticks[0], {
      attrs: { onOffStatus: 'True', laundryCycle: '5', runningstatus: '5', doorLockStatus: 'True', onLine: 'True' },
      changed: { runningstatus: '5' },
      alarm: { error: 'waterHeatingErr' },
    });
  });

  it('the fault strikes only on entering washing: a machine already rinsing finishes normally', () => {
    const rinsing = { deviceType: DRUM, attrs: { ...initialAttributes(DRUM), onOffStatus: 'True', runningstatus: '2', doorLockStatus: 'True' }, online: true };
    const ticks = run(rinsing, { fault: 'waterHeatingErr' });
    assert.deepEqual(ticks.map((tick) => [tick.attrs.runningstatus, tick.alarm]), [['3', undefined], ['4', undefined]]);
  });
});

describe('water heater', () => {
  it('switched on, it heats 5 degrees a step to the target and stops heating there', () => {
    const heater = commanded('05001', { targetTemperature: '42' }, { onOffStatus: 'True' });
    const ticks = run(heater);
    assert.deepEqual(
      ticks.map((tick) => [tick.attrs.currentTemperature, tick.attrs.heating]),
      [['25', 'True'], ['30', 'True'], ['35', 'True'], ['40', 'True'], ['42', 'False']],
    );
    assert.deepEqual(ticks.at(-1)?.changed, { currentTemperature: '42', heating: 'False' });
  });

  it('switched off, it does not heat', () => {
    const heater = commanded('05001', { targetTemperature: '60' });
    assert.equal(step(heater), undefined);
    assert.equal(isActive(heater), false);
  });

  it('fault waterHeatingErr raises the alarm instead of heating, once, and the temperature stays', () => {
    const ticks = run(commanded('05003', { onOffStatus: 'True' }), { fault: 'waterHeatingErr' });
    assert.deepEqual(ticks, [
      {
        attrs: { onOffStatus: 'True', targetTemperature: '50', currentTemperature: '20', heating: 'False', onLine: 'True' },
        changed: { heating: 'False' },
        alarm: { error: 'waterHeatingErr' },
      },
    ]);
  });

  it('after a fault, a new command asking for heat arms it again', () => {
    const [faulted] = run(commanded('05001', { onOffStatus: 'True' }), { fault: 'waterHeatingErr' });
    const retried = applyCommand({ deviceType: '05001', attrs: faulted?.attrs ?? {}, online: true }, { targetTemperature: '60' });
    assert.ok(retried.ok);
    assert.equal(step({ deviceType: '05001', attrs: retried.attrs, online: true })?.attrs.currentTemperature, '25');
  });
});

describe('air conditioner', () => {
  for (const [target, expected] of [
    ['27', ['29', '28', '27']],
    ['30', []],
  ] as const) {
    it(`switched on at 30 degrees indoors with target ${target}, it moves 1 degree a step: ${expected.join(', ') || 'nothing'}`, () => {
      const ac = commanded('03001', { onOffStatus: 'True', targetTemperature: target });
      assert.deepEqual(run(ac).map((tick) => tick.changed), expected.map((t) => ({ indoorTemperature: t })));
    });
  }

  it('heating to a target above the room warms it 1 degree a step', () => {
    const ac = { deviceType: '03001', attrs: { ...initialAttributes('03001'), onOffStatus: 'True', mode: 'heat', indoorTemperature: '18', targetTemperature: '20' }, online: true };
    assert.deepEqual(run(ac).map((tick) => tick.attrs.indoorTemperature), ['19', '20']);
  });

  it('switched off, the room temperature does not change', () => {
    assert.equal(step(commanded('03001', { targetTemperature: '16' })), undefined);
  });
});

describe('devices with nothing to simulate, and offline devices', () => {
  for (const [deviceType, commands] of [
    ['03005', [{ onOffStatus: 'True', mode: 'turbo' }]],
    ['01003', [{ quickFreeze: 'True' }]],
    ['06001', []],
  ] as const) {
    it(`${deviceType} does not change by itself`, () => {
      const device = commanded(deviceType, ...commands);
      assert.equal(step(device, { fault: 'waterHeatingErr' }), undefined);
      assert.equal(isActive(device), false);
    });
  }

  it('an offline device is held still; isActive says so when told it is offline', () => {
    const washer = { ...commanded(DRUM, { onOffStatus: 'True' }, { laundryCycle: '1' }), online: false };
    assert.equal(step(washer), undefined);
    assert.equal(isActive(washer), false);
    assert.equal(isActive({ deviceType: washer.deviceType, attrs: washer.attrs }), true);
  });

  it('a step does not modify the device it is given', () => {
    const washer = commanded(DRUM, { onOffStatus: 'True' }, { laundryCycle: '1' });
    const before = structuredClone(washer);
    step(washer, { fault: 'waterHeatingErr' });
    assert.deepEqual(washer, before);
  });
});

describe('configured faults', () => {
  it('the configuration accepts exactly the faults the simulation knows, and names a misspelt one', () => {
    const schema = JSON.parse(readFileSync(new URL('../../src/config.schema.json', import.meta.url), 'utf8')) as {
      properties: { simulation: { properties: { faults: { additionalProperties: { enum: string[] } } } } };
    };
    assert.deepEqual(schema.properties.simulation.properties.faults.additionalProperties.enum, [...FAULTS]);
    const minimal = { platId: 'P', partners: [], simulation: { faults: { C89346112DD5: 'waterHeatingError' } } };
    assert.throws(() => configFrom(minimal, 'test', '.', {}), (error: Error) => error instanceof ConfigError && /simulation\.faults\.C89346112DD5: must be equal to one of the allowed values/.test(error.message));
    for (const fault of FAULTS) assert.deepEqual(configFrom({ ...minimal, simulation: { faults: { C89346112DD5: fault } } }, 'test', '.', {}).simulation.faults, { C89346112DD5: fault });
  });
});
