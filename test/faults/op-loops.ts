// Concurrent 7.2.7 loops for fault tests: each loop sets its own air conditioner's
// targetTemperature and records every reply. A loop moves on to a new value only once the
// current one was acknowledged, and repeats it otherwise, so the values acknowledged on a device
// are exactly the values its reports must carry, in order (a repeat that finds the value already
// set changes nothing and reports nothing).
import assert from 'node:assert/strict';
import { type Session } from '../support/platform.ts';
import { type TestPartner } from '../support/test-partner.ts';

export interface OpOutcome {
  deviceId: string;
  value: string;
  /** performance.now() when sent and when answered. */
  sentAt: number;
  answeredAt: number;
  /** HTTP status, or 0 when no reply came (the connection failed). */
  status: number;
  retCode: string | undefined;
}

/** targetTemperature 16…30 in turn: consecutive values differ. */
const temperatureAt = (i: number) => String(16 + (i % 15));

/** Runs one loop per device until `stop()`. */
export function opLoops(session: Session, deviceIds: string[]) {
  let running = true;
  const outcomes: OpOutcome[] = [];
  const loops = deviceIds.map(async (deviceId) => {
    let next = 0;
    while (running) {
      const value = temperatureAt(next);
      const sentAt = performance.now();
      let status = 0;
      let retCode: string | undefined;
      try {
        const { response, data, error } = await session.client.devices_op({
          body: { UserID: session.userId, Device: [{ DeviceInfo: { deviceID: deviceId }, DeviceAttr: { targetTemperature: value } }] },
        });
        status = response.status;
        retCode = (data ?? error)?.RetCode;
      } catch {
        status = 0;
      }
      outcomes.push({ deviceId, value, sentAt, answeredAt: performance.now(), status, retCode });
      if (status === 200) next += 1;
      // A refusal comes back at once: without a breath the loops would spin through the outage.
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  return {
    outcomes,
    async stop(): Promise<OpOutcome[]> {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

/**
 * Every acknowledged op kept its state and its report: the partner received, for each device,
 * the acknowledged values in order (and at most the one unacknowledged value after them, if its
 * commit went through while its reply was lost), and the device holds the last of them.
 */
export function assertNothingLost(outcomes: OpOutcome[], partner: TestPartner, stateOf: Map<string, string | undefined>): void {
  for (const [deviceId, state] of stateOf) {
    const ops = outcomes.filter((o) => o.deviceId === deviceId);
    const acknowledged = ops.filter((o) => o.status === 200).map((o) => o.value);
    const last = ops.at(-1);
    const pending = last && last.status !== 200 ? last.value : undefined;
    // Delivery is at least once: a report whose delivery was not recorded before the outage
    // comes again with the same EventID, which the partner drops.
    const once = new Map(partner.reportsOf(deviceId).map((r) => [r.eventId, r]));
    const reported = [...once.values()].map((r) => (r.body.DeviceStatus as Record<string, string | undefined>).targetTemperature);
    const allowed = pending === undefined ? [acknowledged] : [acknowledged, [...acknowledged, pending]];
    assert.ok(
      allowed.some((values) => JSON.stringify(values) === JSON.stringify(reported)),
      `${deviceId}: acknowledged ${JSON.stringify(acknowledged)}${pending ? ` then ${pending} unanswered` : ''}, but the partner received ${JSON.stringify(reported)}`,
    );
    assert.equal(state, reported.at(-1), `${deviceId}: the device holds the last value reported`);
  }
}
