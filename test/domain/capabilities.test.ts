// The capability models of the reference platform's simulated appliances: what a 7.2.7 device
// operation may set on each device category (clause 6.4 deviceType), and how it is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyCommand, capabilityModelFor, initialAttributes } from '../../src/domain/capabilities.ts';

type Attrs = Record<string, string>;
const device = (deviceType: string, attrs: Attrs = {}, online = true) => ({
  deviceType,
  attrs: { ...initialAttributes(deviceType), ...attrs },
  online,
});

function accepted(result: ReturnType<typeof applyCommand>) {
  assert.ok(result.ok, `refused: ${result.ok ? '' : result.reason}`);
  return result;
}
function refusal(result: ReturnType<typeof applyCommand>): string {
  assert.ok(!result.ok, 'the command was accepted');
  return result.reason;
}

const DRUM = '02002001';
const ON = { onOffStatus: 'True' };
const WASHING = { onOffStatus: 'True', runningstatus: '1', doorLockStatus: 'True' };

describe('7.2.7 examples of the standard on a drum washing machine (deviceType 02002001)', () => {
  it('"启动洗衣机" switching on is accepted, and the machine is idle', () => {
    const result = accepted(applyCommand(device(DRUM), { onOffStatus: 'True' }));
    assert.deepEqual(result.changed, { onOffStatus: 'True' });
    assert.equal(result.attrs.runningstatus, '0');
  });

  it('"设置洗衣模式" laundryCycle 5 on the switched-on machine starts heavy duty: washing, door locked', () => {
    const result = accepted(applyCommand(device(DRUM, ON), { laundryCycle: '5' }));
    assert.deepEqual(result.changed, { laundryCycle: '5', runningstatus: '1', doorLockStatus: 'True' });
    assert.deepEqual(result.attrs, { onOffStatus: 'True', laundryCycle: '5', runningstatus: '1', doorLockStatus: 'True', onLine: 'True' });
  });
});

describe('capability models by deviceType (clause 6.4: B + C, optionally D)', () => {
  const cases = [
    ['01001', 'refrigerator'],
    ['01002', 'freezer'],
    ['01003001', 'refrigerator-freezer'],
    ['02001', 'pulsator washing machine'],
    ['02002', 'drum washing machine'],
    ['02002001', 'drum washing machine'],
    ['02004', 'pulsator washer-dryer'],
    ['02005', 'drum washer-dryer'],
    ['03001', 'air conditioner'],
    ['03005', 'air purifier'],
    ['05001', 'electric water heater'],
    ['05004123', 'heat pump water heater'],
  ] as const;
  for (const [deviceType, name] of cases) {
    it(`${deviceType} is category ${deviceType.slice(0, 5)}, ${name}`, () => {
      assert.deepEqual([capabilityModelFor(deviceType)?.name, capabilityModelFor(deviceType)?.category], [name, deviceType.slice(0, 5)]);
    });
  }

  for (const deviceType of ['06001', '02003', '0200', '020020', '02002001x', '']) {
    it(`'${deviceType}' has no model and no initial attributes`, () => {
      assert.equal(capabilityModelFor(deviceType), undefined);
      assert.deepEqual(initialAttributes(deviceType), {});
    });
  }

  it('a new washing machine is switched off, idle, unlocked and online', () => {
    assert.deepEqual(initialAttributes(DRUM), { onOffStatus: 'False', laundryCycle: '1', runningstatus: '0', doorLockStatus: 'False', onLine: 'True' });
  });

  it("every model's initial attributes are exactly its attributes, each a value the attribute allows", () => {
    for (const deviceType of cases.map(([type]) => type)) {
      const model = capabilityModelFor(deviceType);
      const initial = initialAttributes(deviceType);
      assert.deepEqual(Object.keys(initial).sort(), Object.keys(model?.attributes ?? {}).sort(), deviceType);
      // Re-setting each writable attribute to its initial value on an idle device must be valid.
      for (const [name, spec] of Object.entries(model?.attributes ?? {})) {
        if (!spec.writable || name === 'laundryCycle' || name === 'runningstatus') continue;
        accepted(applyCommand(device(deviceType), { [name]: initial[name] ?? '' }));
      }
    }
  });
});

// One row per writable attribute of every category: a valid value is accepted, an invalid one is
// refused with a reason naming the attribute and what it allows. `state` sets up what the
// category's rules need first (a running cycle can be paused, …).
const writableRows: { deviceType: string; attribute: string; state?: Attrs; valid: string; invalid: string; reason: string }[] = [
  ...['02001', '02002', '02004', '02005'].flatMap((deviceType) => [
    { deviceType, attribute: 'onOffStatus', valid: 'True', invalid: 'true', reason: 'onOffStatus must be True or False' },
    {
      deviceType,
      attribute: 'laundryCycle',
      state: ON,
      valid: '6',
      invalid: '7',
      reason: 'laundryCycle must be one of 1 (cotton), 2 (synthetics), 3 (quick wash), 4 (wool), 5 (heavy duty) or 6 (delicates)',
    },
    { deviceType, attribute: 'runningstatus', state: WASHING, valid: '5', invalid: '3', reason: 'runningstatus can only be set to 5 (paused) or 1 (washing)' },
  ]),
  { deviceType: '03001', attribute: 'onOffStatus', valid: 'True', invalid: '1', reason: 'onOffStatus must be True or False' },
  {
    deviceType: '03001',
    attribute: 'mode',
    valid: 'heat',
    invalid: 'eco',
    reason: 'mode must be one of cool (cooling), heat (heating), dry (dehumidifying), fan (fan only) or auto (automatic)',
  },
  { deviceType: '03001', attribute: 'targetTemperature', valid: '16', invalid: '31', reason: 'targetTemperature must be an integer from 16 to 30' },
  { deviceType: '03001', attribute: 'windSpeed', valid: 'high', invalid: 'max', reason: 'windSpeed must be one of low, mid (medium), high or auto (automatic)' },
  { deviceType: '03005', attribute: 'onOffStatus', valid: 'True', invalid: 'on', reason: 'onOffStatus must be True or False' },
  { deviceType: '03005', attribute: 'mode', valid: 'turbo', invalid: 'cool', reason: 'mode must be one of auto (automatic), sleep (quiet, for the night) or turbo (maximum airflow)' },
  ...['01001', '01002', '01003'].flatMap((deviceType) => [
    { deviceType, attribute: 'refrigeratorTemperature', valid: '8', invalid: '1', reason: 'refrigeratorTemperature must be an integer from 2 to 8' },
    { deviceType, attribute: 'freezerTemperature', valid: '-24', invalid: '-15', reason: 'freezerTemperature must be an integer from -24 to -16' },
    { deviceType, attribute: 'quickFreeze', valid: 'True', invalid: 'yes', reason: 'quickFreeze must be True or False' },
  ]),
  ...['05001', '05002', '05003', '05004'].flatMap((deviceType) => [
    { deviceType, attribute: 'onOffStatus', valid: 'True', invalid: 'False ', reason: 'onOffStatus must be True or False' },
    { deviceType, attribute: 'targetTemperature', valid: '75', invalid: '76', reason: 'targetTemperature must be an integer from 35 to 75' },
  ]),
];

describe('7.2.7 every writable attribute of every category accepts a valid value and refuses an invalid one', () => {
  for (const row of writableRows) {
    it(`${row.deviceType} ${row.attribute}: '${row.valid}' is accepted, '${row.invalid}' is refused`, () => {
      const result = accepted(applyCommand(device(row.deviceType, row.state), { [row.attribute]: row.valid }));
      assert.equal(result.attrs[row.attribute], row.valid);
      assert.equal(refusal(applyCommand(device(row.deviceType, row.state), { [row.attribute]: row.invalid })), row.reason);
    });
  }

  it('the rows above cover every writable attribute of every model', () => {
    const covered = new Set(writableRows.map((row) => `${row.deviceType} ${row.attribute}`));
    for (const deviceType of new Set(writableRows.map((row) => row.deviceType))) {
      for (const [name, spec] of Object.entries(capabilityModelFor(deviceType)?.attributes ?? {})) {
        if (spec.writable) assert.ok(covered.has(`${deviceType} ${name}`), `no row for ${deviceType} ${name}`);
      }
    }
    assert.deepEqual([...new Set(writableRows.map((row) => row.deviceType))].sort(), [
      '01001', '01002', '01003', '02001', '02002', '02004', '02005', '03001', '03005', '05001', '05002', '05003', '05004',
    ]);
  });

  const integers = [
    ['15', 'below the range'],
    ['016', 'with a leading zero'],
    ['20.5', 'not whole'],
    [' 20', 'with a space'],
    ['2e1', 'in exponent notation'],
    ['', 'empty'],
  ] as const;
  for (const [value, why] of integers) {
    it(`an air conditioner's targetTemperature '${value}' (${why}) is refused`, () => {
      assert.equal(refusal(applyCommand(device('03001'), { targetTemperature: value })), 'targetTemperature must be an integer from 16 to 30');
    });
  }
});

describe('7.2.7 unknown and read-only attributes are refused', () => {
  it('an unknown attribute names it, the device type and what it accepts', () => {
    assert.equal(
      refusal(applyCommand(device(DRUM), { spinSpeed: '1200' })),
      "unknown attribute 'spinSpeed' for a drum washing machine; it accepts onOffStatus, laundryCycle, runningstatus",
    );
  });

  it("the standard's misspelt 'onOffStatus ' (trailing space) is an unknown attribute, quoted so the space shows", () => {
    assert.match(refusal(applyCommand(device(DRUM), { 'onOffStatus ': 'True' })), /^unknown attribute 'onOffStatus ' for a drum washing machine/);
  });

  it("'__proto__' is an unknown attribute, not a property of every object", () => {
    assert.match(refusal(applyCommand(device(DRUM), JSON.parse('{"__proto__": "x"}') as Attrs)), /^unknown attribute '__proto__'/);
  });

  const readOnly = [
    [DRUM, 'doorLockStatus', 'False', 'a drum washing machine'],
    [DRUM, 'onLine', 'False', 'a drum washing machine'],
    ['03001', 'indoorTemperature', '20', 'an air conditioner'],
    ['03001', 'onLine', 'True', 'an air conditioner'],
    ['03005', 'pm25', '10', 'an air purifier'],
    ['01003', 'onLine', 'True', 'a refrigerator-freezer'],
    ['05001', 'currentTemperature', '60', 'an electric water heater'],
    ['05001', 'heating', 'True', 'an electric water heater'],
  ] as const;
  for (const [deviceType, attribute, value, name] of readOnly) {
    it(`${attribute} cannot be set on ${name}`, () => {
      assert.equal(refusal(applyCommand(device(deviceType), { [attribute]: value })), `${attribute} cannot be set: it is read-only on ${name}`);
    });
  }

  it('a device category without a model has no operable attributes', () => {
    assert.equal(refusal(applyCommand(device('06001'), { onOffStatus: 'True' })), 'a device of type 06001 has no operable attributes');
  });

  it('an offline device refuses every command', () => {
    assert.equal(refusal(applyCommand(device(DRUM, {}, false), { onOffStatus: 'True' })), 'the device is offline');
  });

  it('an empty command is refused, listing what the device accepts', () => {
    assert.equal(refusal(applyCommand(device('03005'), {})), 'the command sets no attribute; an air purifier accepts onOffStatus, mode');
  });
});

describe('7.2.7 a command is all-or-nothing', () => {
  it('one invalid attribute refuses the whole command and leaves the device untouched', () => {
    const washer = device(DRUM);
    const before = structuredClone(washer);
    assert.match(refusal(applyCommand(washer, { onOffStatus: 'True', spinSpeed: '1200' })), /spinSpeed/);
    assert.deepEqual(washer, before);
  });

  it('a rule refusing a later attribute refuses the earlier ones too', () => {
    // Switching off then choosing a program: the program is refused, so the machine stays on.
    assert.match(refusal(applyCommand(device(DRUM, ON), { onOffStatus: 'False', laundryCycle: '2' })), /^laundryCycle cannot be set while/);
  });

  it('power is applied first whatever the order in the command, so "switch on and wash cotton" starts the cycle', () => {
    const result = accepted(applyCommand(device(DRUM), { laundryCycle: '1', onOffStatus: 'True' }));
    assert.deepEqual(result.changed, { onOffStatus: 'True', runningstatus: '1', doorLockStatus: 'True' });
  });

  it('changed holds only attributes whose value changed', () => {
    assert.deepEqual(accepted(applyCommand(device('03001'), { mode: 'cool', targetTemperature: '22' })).changed, { targetTemperature: '22' });
    assert.deepEqual(accepted(applyCommand(device(DRUM, ON), { onOffStatus: 'True' })).changed, {});
  });

  it("vendor attributes already on the device are kept in the full map", () => {
    const result = accepted(applyCommand(device('03001', { filterLife: '80' }), { onOffStatus: 'True' }));
    assert.equal(result.attrs.filterLife, '80');
  });
});

describe('washing machine rules', () => {
  it('7.2.7 setting laundryCycle on a powered-off washing machine is refused, naming the attribute', () => {
    assert.equal(
      refusal(applyCommand(device(DRUM), { laundryCycle: '3' })),
      'laundryCycle cannot be set while the drum washing machine is powered off; switch it on first (onOffStatus True)',
    );
  });

  for (const [phase, meaning] of [['1', 'washing'], ['2', 'rinsing'], ['3', 'spinning'], ['5', 'paused']] as const) {
    it(`setting laundryCycle while the cycle is ${meaning} is refused, naming the running state`, () => {
      assert.equal(
        refusal(applyCommand(device(DRUM, { ...WASHING, runningstatus: phase }), { laundryCycle: '3' })),
        `laundryCycle cannot be set while a cycle is in progress on the drum washing machine (runningstatus ${phase}, ${meaning}); switch it off to cancel the cycle first`,
      );
    });
  }

  it('a finished machine starts a new cycle when a program is chosen', () => {
    const result = accepted(applyCommand(device(DRUM, { onOffStatus: 'True', runningstatus: '4' }), { laundryCycle: '4' }));
    assert.deepEqual(result.changed, { laundryCycle: '4', runningstatus: '1', doorLockStatus: 'True' });
  });

  it('switching off during a cycle stops it and unlocks the door', () => {
    const result = accepted(applyCommand(device(DRUM, { ...WASHING, runningstatus: '3' }), { onOffStatus: 'False' }));
    assert.deepEqual(result.changed, { onOffStatus: 'False', runningstatus: '0', doorLockStatus: 'False' });
  });

  it('switching on an already running machine does not restart its cycle', () => {
    const result = accepted(applyCommand(device(DRUM, { ...WASHING, runningstatus: '2' }), { onOffStatus: 'True' }));
    assert.equal(result.attrs.runningstatus, '2');
  });

  it('runningstatus 5 pauses a running cycle and keeps the door locked; 1 resumes it', () => {
    const paused = accepted(applyCommand(device(DRUM, { ...WASHING, runningstatus: '2' }), { runningstatus: '5' }));
    assert.deepEqual(paused.changed, { runningstatus: '5' });
    assert.equal(paused.attrs.doorLockStatus, 'True');
    const resumed = accepted(applyCommand({ deviceType: DRUM, attrs: paused.attrs, online: true }, { runningstatus: '1' }));
    assert.deepEqual(resumed.changed, { runningstatus: '1' });
  });

  const stateRefusals = [
    ['5', { ...ON, runningstatus: '0' }, 'runningstatus 5 pauses a running cycle, but the drum washing machine is not running one (runningstatus 0, idle)'],
    ['5', { ...WASHING, runningstatus: '5' }, 'runningstatus 5 pauses a running cycle, but the drum washing machine is not running one (runningstatus 5, paused)'],
    ['1', { ...ON, runningstatus: '4' }, 'runningstatus 1 resumes a paused cycle, but the drum washing machine is not paused (runningstatus 4, finished)'],
    ['1', WASHING, 'runningstatus 1 resumes a paused cycle, but the drum washing machine is not paused (runningstatus 1, washing)'],
  ] as const;
  for (const [value, state, reason] of stateRefusals) {
    it(`runningstatus ${value} in state ${state.runningstatus} is refused: ${reason.split(', but ')[1]}`, () => {
      assert.equal(refusal(applyCommand(device(DRUM, state), { runningstatus: value })), reason);
    });
  }
});

describe('water heater rules', () => {
  it('switching on below the target starts heating; switching off stops it', () => {
    const on = accepted(applyCommand(device('05001'), { onOffStatus: 'True' }));
    assert.deepEqual(on.changed, { onOffStatus: 'True', heating: 'True' });
    const off = accepted(applyCommand({ deviceType: '05001', attrs: on.attrs, online: true }, { onOffStatus: 'False' }));
    assert.deepEqual(off.changed, { onOffStatus: 'False', heating: 'False' });
  });

  it('a target at or below the current temperature needs no heating', () => {
    const result = accepted(applyCommand(device('05001', { onOffStatus: 'True', currentTemperature: '50', heating: 'False' }), { targetTemperature: '45' }));
    assert.deepEqual(result.changed, { targetTemperature: '45' });
  });

  it('switched off, a new target is stored without heating', () => {
    assert.deepEqual(accepted(applyCommand(device('05002'), { targetTemperature: '60' })).changed, { targetTemperature: '60' });
  });
});
