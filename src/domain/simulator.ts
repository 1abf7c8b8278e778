// The simulated appliances' own life between commands: one deterministic step at a time, so a
// command visibly changes state and 7.2.8 has something to report. The caller decides the pace.
// Pure: no timers, no randomness.
import { applianceKindOf, initialAttributes, RunningStatus, type ApplianceKind } from './capabilities.ts';

type Attrs = Record<string, string>;

export interface Tick {
  attrs: Record<string, string>;
  changed: Record<string, string>;
  alarm?: { error: string };
}

/** Faults a simulation can be configured with; each is also the error its 7.2.8 alarm carries. */
export const FAULTS = ['waterHeatingErr'] as const;

/** What one step sets and the alarm it raises, or undefined when nothing happens. */
type Outcome = { update: Attrs; alarm?: string } | undefined;
type Stepper = (attrs: Readonly<Attrs>, fault: string | undefined) => Outcome;

const washingMachine: Stepper = (attrs, fault): Outcome => {
  switch (attrs.runningstatus) {
    case RunningStatus.washing:
      // Water is heated at the start of washing: a heater fault stops the cycle there.
      if (fault === 'waterHeatingErr') return { update: { runningstatus: RunningStatus.paused }, alarm: fault };
      return { update: { runningstatus: RunningStatus.rinsing } };
    case RunningStatus.rinsing:
      return { update: { runningstatus: RunningStatus.spinning } };
    case RunningStatus.spinning:
      return { update: { runningstatus: RunningStatus.finished, doorLockStatus: 'False' } };
    default:
      return undefined;
  }
};

// heating is the thermostat's demand (set by commands, see capabilities.ts); it stays 'False'
// after a fault, so the alarm is raised once, until a command asks for heat again.
const waterHeater: Stepper = (attrs, fault): Outcome => {
  if (attrs.onOffStatus !== 'True' || attrs.heating !== 'True') return undefined;
  if (fault === 'waterHeatingErr') return { update: { heating: 'False' }, alarm: fault };
  const current = Number(attrs.currentTemperature);
  const target = Number(attrs.targetTemperature);
  const next = Math.max(current, Math.min(current + 5, target));
  return { update: { currentTemperature: String(next), heating: next < target ? 'True' : 'False' } };
};

const airConditioner: Stepper = (attrs) => {
  if (attrs.onOffStatus !== 'True') return undefined;
  const indoor = Number(attrs.indoorTemperature);
  const target = Number(attrs.targetTemperature);
  if (indoor === target) return undefined;
  return { update: { indoorTemperature: String(indoor + Math.sign(target - indoor)) } };
};

const steppers: Partial<Record<ApplianceKind, Stepper>> = { washingMachine, waterHeater, airConditioner };

/** The next state of a device after one simulation step, or undefined when nothing changes (idle). `fault` injects a configured fault, e.g. 'waterHeatingErr'. */
export function step(device: { deviceType: string; attrs: Record<string, string>; online: boolean }, options?: { fault?: string }): Tick | undefined {
  // A disconnected appliance is out of its cloud's sight: the simulation holds it still.
  if (!device.online) return undefined;
  const kind = applianceKindOf(device.deviceType);
  const stepper = kind && steppers[kind];
  if (!stepper) return undefined;
  const before = { ...initialAttributes(device.deviceType), ...device.attrs };
  const result = stepper(before, options?.fault);
  if (!result) return undefined;
  const changed = Object.fromEntries(Object.entries(result.update).filter(([name, value]) => before[name] !== value));
  if (Object.keys(changed).length === 0 && !result.alarm) return undefined;
  const tick: Tick = { attrs: { ...before, ...changed }, changed };
  if (result.alarm) tick.alarm = { error: result.alarm };
  return tick;
}

