// What the reference platform's simulated appliances can do: per device category (clause 6.4,
// B + C of deviceType), the attributes of its DeviceAttr (6.5.2.3, table 12), their values and
// which a 7.2.7 command may set. The standard leaves the attribute set to each vendor (6.5.2.2);
// these tables are what this platform publishes to its partners. Pure: no I/O.

type Attrs = Record<string, string>;

/** One DeviceAttr attribute: its values and whether a 7.2.7 command may set it. */
export type AttributeSpec = { writable: boolean } & (
  | {
      kind: 'enum';
      /** value → meaning */
      values: Readonly<Record<string, string>>;
      /** The values a command may set, when fewer than all (the others are only reported). */
      settable?: readonly string[];
    }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'boolean' }
);

export interface CapabilityModel {
  category: string;
  name: string;
  attributes: Record<string, AttributeSpec>;
}

export type ApplianceKind = 'washingMachine' | 'airConditioner' | 'airPurifier' | 'refrigerator' | 'waterHeater';

/** runningstatus of a washing machine, as DeviceAttr.yaml documents it. */
export const RunningStatus = { idle: '0', washing: '1', rinsing: '2', spinning: '3', finished: '4', paused: '5' } as const;

interface Kind {
  /** In the order a command's attributes are applied: power first, so "on + program" works. */
  attributes: Record<string, AttributeSpec>;
  initial: Attrs;
  /** Rules beyond the table: the state after setting one valid value, or why it is refused. */
  set?: (state: Readonly<Attrs>, name: string, value: string, deviceName: string) => Attrs | string;
}

const bool = (writable: boolean): AttributeSpec => ({ kind: 'boolean', writable });
const int = (min: number, max: number, writable: boolean): AttributeSpec => ({ kind: 'integer', min, max, writable });
// Every device reports its connection (7.2.6 example); only its cloud knows it, so nobody sets it.
const onLine = bool(false);

const running: readonly string[] = [RunningStatus.washing, RunningStatus.rinsing, RunningStatus.spinning];
const runningStatusValues: Record<string, string> = {
  [RunningStatus.idle]: 'idle',
  [RunningStatus.washing]: 'washing',
  [RunningStatus.rinsing]: 'rinsing',
  [RunningStatus.spinning]: 'spinning',
  [RunningStatus.finished]: 'finished',
  [RunningStatus.paused]: 'paused',
};

const washingMachine: Kind = {
  attributes: {
    onOffStatus: bool(true),
    laundryCycle: {
      kind: 'enum',
      writable: true,
      values: { '1': 'cotton', '2': 'synthetics', '3': 'quick wash', '4': 'wool', '5': 'heavy duty', '6': 'delicates' },
    },
    runningstatus: {
      kind: 'enum',
      writable: true,
      values: runningStatusValues,
      settable: [RunningStatus.paused, RunningStatus.washing],
    },
    doorLockStatus: bool(false),
    onLine,
  },
  initial: { onOffStatus: 'False', laundryCycle: '1', runningstatus: RunningStatus.idle, doorLockStatus: 'False', onLine: 'True' },
  set(state, name, value, deviceName) {
    const phase = state.runningstatus ?? RunningStatus.idle;
    const phaseText = `runningstatus ${phase}, ${runningStatusValues[phase] ?? 'unknown'}`;
    switch (name) {
      case 'onOffStatus':
        // Switching on must not restart a running cycle; switching off abandons it.
        if (value === state.onOffStatus) return { ...state };
        return { ...state, onOffStatus: value, runningstatus: RunningStatus.idle, doorLockStatus: 'False' };
      case 'laundryCycle':
        if (state.onOffStatus !== 'True') {
          return `laundryCycle cannot be set while the ${deviceName} is powered off; switch it on first (onOffStatus True)`;
        }
        // A paused cycle still holds water and laundry: it is in progress too.
        if (running.includes(phase) || phase === RunningStatus.paused) {
          return `laundryCycle cannot be set while a cycle is in progress on the ${deviceName} (${phaseText}); switch it off to cancel the cycle first`;
        }
        return { ...state, laundryCycle: value, runningstatus: RunningStatus.washing, doorLockStatus: 'True' };
      case 'runningstatus':
        if (value === RunningStatus.paused && !running.includes(phase)) {
          return `runningstatus 5 pauses a running cycle, but the ${deviceName} is not running one (${phaseText})`;
        }
        // Resuming restarts the washing phase: the attributes keep no memory of the paused one.
        if (value === RunningStatus.washing && phase !== RunningStatus.paused) {
          return `runningstatus 1 resumes a paused cycle, but the ${deviceName} is not paused (${phaseText})`;
        }
        return { ...state, runningstatus: value };
      default:
        return { ...state, [name]: value };
    }
  },
};

const waterHeater: Kind = {
  attributes: {
    onOffStatus: bool(true),
    targetTemperature: int(35, 75, true),
    currentTemperature: int(0, 100, false),
    heating: bool(false),
    onLine,
  },
  initial: { onOffStatus: 'False', targetTemperature: '50', currentTemperature: '20', heating: 'False', onLine: 'True' },
  // The thermostat: heating is demanded while on and below target. The simulator clears it at
  // target or on a heating fault, so its value carries the heater's state between steps.
  set(state, name, value) {
    const next = { ...state, [name]: value };
    const demand = next.onOffStatus === 'True' && Number(next.currentTemperature) < Number(next.targetTemperature);
    return { ...next, heating: demand ? 'True' : 'False' };
  },
};

const kinds: Record<ApplianceKind, Kind> = {
  washingMachine,
  airConditioner: {
    attributes: {
      onOffStatus: bool(true),
      mode: {
        kind: 'enum',
        writable: true,
        values: { cool: 'cooling', heat: 'heating', dry: 'dehumidifying', fan: 'fan only', auto: 'automatic' },
      },
      targetTemperature: int(16, 30, true),
      windSpeed: { kind: 'enum', writable: true, values: { low: 'low', mid: 'medium', high: 'high', auto: 'automatic' } },
      indoorTemperature: int(-20, 60, false),
      onLine,
    },
    initial: { onOffStatus: 'False', mode: 'cool', targetTemperature: '26', windSpeed: 'auto', indoorTemperature: '30', onLine: 'True' },
  },
  airPurifier: {
    attributes: {
      onOffStatus: bool(true),
      mode: { kind: 'enum', writable: true, values: { auto: 'automatic', sleep: 'quiet, for the night', turbo: 'maximum airflow' } },
      pm25: int(0, 999, false),
      onLine,
    },
    initial: { onOffStatus: 'False', mode: 'auto', pm25: '35', onLine: 'True' },
  },
  refrigerator: {
    attributes: {
      refrigeratorTemperature: int(2, 8, true),
      freezerTemperature: int(-24, -16, true),
      quickFreeze: bool(true),
      onLine,
    },
    initial: { refrigeratorTemperature: '4', freezerTemperature: '-18', quickFreeze: 'False', onLine: 'True' },
  },
  waterHeater,
};

/** Category code (B + C, tables 2–8) → its English name and the kind of appliance simulated. */
const categories: Record<string, { name: string; kind: ApplianceKind }> = {
  '01001': { name: 'refrigerator', kind: 'refrigerator' },
  '01002': { name: 'freezer', kind: 'refrigerator' },
  '01003': { name: 'refrigerator-freezer', kind: 'refrigerator' },
  '02001': { name: 'pulsator washing machine', kind: 'washingMachine' },
  '02002': { name: 'drum washing machine', kind: 'washingMachine' },
  '02004': { name: 'pulsator washer-dryer', kind: 'washingMachine' },
  '02005': { name: 'drum washer-dryer', kind: 'washingMachine' },
  '03001': { name: 'air conditioner', kind: 'airConditioner' },
  '03005': { name: 'air purifier', kind: 'airPurifier' },
  '05001': { name: 'electric water heater', kind: 'waterHeater' },
  '05002': { name: 'gas water heater', kind: 'waterHeater' },
  '05003': { name: 'solar water heater', kind: 'waterHeater' },
  '05004': { name: 'heat pump water heater', kind: 'waterHeater' },
};

function categoryOf(deviceType: string) {
  if (!/^\d{5}(\d{3})?$/.test(deviceType)) return undefined;
  const category = deviceType.slice(0, 5);
  const entry = Object.hasOwn(categories, category) ? categories[category] : undefined;
  return entry && { category, name: entry.name, kindName: entry.kind, kind: kinds[entry.kind] };
}

/** "a drum washing machine", "an air conditioner" */
const aOrAn = (name: string) => `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;

export function capabilityModelFor(deviceType: string): CapabilityModel | undefined {
  const found = categoryOf(deviceType);
  return found && { category: found.category, name: found.name, attributes: found.kind.attributes };
}

/** Which simulation applies to a device type (the simulator's key). */
export function applianceKindOf(deviceType: string): ApplianceKind | undefined {
  return categoryOf(deviceType)?.kindName;
}

/** Initial attrs for a new device of this type (e.g. powered off, idle, online) */
export function initialAttributes(deviceType: string): Record<string, string> {
  return { ...categoryOf(deviceType)?.kind.initial };
}

/** Checks a 7.2.7 command against the device's model and current state; returns the attrs after applying it (full map) or a refusal reason */
export function applyCommand(
  device: { deviceType: string; attrs: Record<string, string>; online: boolean },
  command: Record<string, string>,
): { ok: true; attrs: Record<string, string>; changed: Record<string, string> } | { ok: false; reason: string } {
  const found = categoryOf(device.deviceType);
  const attributes = found?.kind.attributes ?? {};
  const writable = Object.keys(attributes).filter((name) => attributes[name]?.writable);
  if (!found || writable.length === 0) return refused(`a device of type ${device.deviceType} has no operable attributes`);
  if (!device.online) return refused('the device is offline');
  const names = Object.keys(command);
  if (names.length === 0) return refused(`the command sets no attribute; ${aOrAn(found.name)} accepts ${writable.join(', ')}`);

  // All-or-nothing: every attribute is checked before any is applied.
  for (const name of names) {
    const spec = Object.hasOwn(attributes, name) ? attributes[name] : undefined;
    if (!spec) return refused(`unknown attribute '${name}' for ${aOrAn(found.name)}; it accepts ${writable.join(', ')}`);
    if (!spec.writable) return refused(`${name} cannot be set: it is read-only on ${aOrAn(found.name)}`);
    const problem = valueProblem(name, spec, command[name] ?? '');
    if (problem) return refused(problem);
  }

  // Vendor attributes already on the device are kept; missing model attributes take their initial value.
  const before = { ...found.kind.initial, ...device.attrs };
  let state: Attrs = before;
  for (const name of Object.keys(attributes)) {
    const value = command[name];
    if (value === undefined) continue;
    const next = found.kind.set ? found.kind.set(state, name, value, found.name) : { ...state, [name]: value };
    if (typeof next === 'string') return refused(next);
    state = next;
  }
  const changed = Object.fromEntries(Object.entries(state).filter(([name, value]) => before[name] !== value));
  return { ok: true, attrs: state, changed };
}

function refused(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** Why a value is not one the attribute accepts, or undefined when it is. */
function valueProblem(name: string, spec: AttributeSpec, value: string): string | undefined {
  switch (spec.kind) {
    case 'boolean':
      return value === 'True' || value === 'False' ? undefined : `${name} must be True or False`;
    case 'integer': {
      // Canonical decimal only ('7', '-18'), so the stored value is the one a partner would send.
      const n = Number(value);
      const ok = /^-?\d+$/.test(value) && String(n) === value && n >= spec.min && n <= spec.max;
      return ok ? undefined : `${name} must be an integer from ${spec.min} to ${spec.max}`;
    }
    case 'enum': {
      const allowed = spec.settable ?? Object.keys(spec.values);
      if (allowed.includes(value)) return undefined;
      const listed = allowed.map((v) => (spec.values[v] === v ? v : `${v} (${spec.values[v]})`));
      const choices = listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`;
      return spec.settable ? `${name} can only be set to ${choices}` : `${name} must be one of ${choices}`;
    }
  }
}
