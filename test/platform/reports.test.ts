// 7.2.8 device status reports, sent by the running platform to its partners' data gateways: what
// operations, the simulated appliances, faults and connections produce, in the standard's body with
// an EventID (E-29), in order per device, at least once, none lost.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { DeviceTypes, PLATFORM_PLAT_ID, partnerApi, partnerExample, requestExample } from '../support/examples.ts';
import { eventually } from '../support/eventually.ts';
import { outboxRows } from '../support/outbox.ts';
import { sharedPlatform, startTestPlatform, type Session, type TestPlatform } from '../support/platform.ts';
import { type PartnerBehaviour, type PartnerReport } from '../support/test-partner.ts';
import { pointer, schemaValidator } from '../support/spec.ts';

const FAULTY = { washer: 'FAULTYWASHER01', heater: 'FAULTYHEATER01' } as const;
const platform = sharedPlatform({
  devices: [
    { deviceId: FAULTY.washer, deviceType: DeviceTypes.washingMachine },
    { deviceId: FAULTY.heater, deviceType: DeviceTypes.waterHeater },
  ],
  faults: { [FAULTY.washer]: 'waterHeatingErr', [FAULTY.heater]: 'waterHeatingErr' },
});

const validReport = schemaValidator(partnerApi)(pointer('components', 'schemas', 'DataGatewayReport'));
/** The EventID header's pattern (components/parameters/EventID.yaml). */
const EVENT_ID = /^[0-9A-Za-z][0-9A-Za-z._:-]{0,63}$/;

type Status = { DataType: string; DeviceStatus: Record<string, string> };
const statusOf = (r: Pick<PartnerReport, 'body'>): Status => ({ DataType: r.body.DataType, DeviceStatus: r.body.DeviceStatus as Record<string, string> });
const attr = (DeviceStatus: Record<string, string>): Status => ({ DataType: 'attr', DeviceStatus });

/** A report as the partner document defines it, from this platform. */
function assertStandardReport(report: PartnerReport): void {
  assert.ok(validReport(report.body), `the report breaks the partner document: ${JSON.stringify(validReport.errors)}`);
  assert.match(report.eventId ?? '', EVENT_ID, 'an EventID header');
  assert.equal(report.platId, PLATFORM_PLAT_ID, 'the PlatID header names this platform');
}

async function operate(session: Session, deviceId: string, attrs: Record<string, string>): Promise<void> {
  const { data, error } = await session.client.devices_op({ body: { UserID: session.userId, Device: [{ DeviceInfo: { deviceID: deviceId }, DeviceAttr: attrs }] } });
  assert.ok(data, `7.2.7 ${JSON.stringify(attrs)} on ${deviceId}: ${JSON.stringify(error)}`);
}

/**
 * Every report the platform wrote for these devices reached the partner, each accepted exactly
 * once, in the order it was written per device; returns the accepted reports per device.
 */
async function assertAllDeliveredInOrder(p: TestPlatform, deviceIds: string[]): Promise<Map<string, PartnerReport[]>> {
  const rows = await eventually('every report of the test delivered', async () => {
    const all = await outboxRows(p.db, deviceIds);
    return all.every((r) => r.delivered) && all;
  });
  const accepted = p.partner.reports.filter((r) => deviceIds.includes(r.body.DeviceID));
  const times = new Map<string, number>();
  for (const r of accepted) times.set(r.eventId!, (times.get(r.eventId!) ?? 0) + 1);
  assert.deepEqual([...times.values()].filter((n) => n !== 1), [], 'each EventID accepted once');
  assert.deepEqual(new Set(times.keys()), new Set(rows.map((r) => r.eventId)), 'every report written arrived, and no other');
  const byDevice = new Map<string, PartnerReport[]>();
  for (const id of deviceIds) {
    const arrived = accepted.filter((r) => r.body.DeviceID === id);
    assert.deepEqual(arrived.map((r) => r.eventId), rows.filter((r) => r.deviceId === id).map((r) => r.eventId), `reports of ${id} in the order written`);
    assert.deepEqual(arrived.map((r) => r.body), rows.filter((r) => r.deviceId === id).map((r) => r.payload), `reports of ${id} as written`);
    byDevice.set(id, arrived);
  }
  return byDevice;
}

describe('7.2.8 reports to the partner\'s data gateway', () => {
  beforeEach(async () => {
    // Each test starts with nothing owed to any partner, so the partners' scripts meet only its reports.
    await eventually('an empty outbox', async () => (await outboxRows(platform().db)).every((r) => r.delivered));
  });

  it('7.2.8 an accepted operation is reported with an EventID and this PlatID, in the standard\'s body, holding what changed', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addDevice();
    await p.bind(alice, washer);
    const sent = Date.now();

    await operate(alice, washer, { onOffStatus: 'True' });

    const [report] = await p.partner.waitForReports(1, washer);
    assertStandardReport(report!);
    const example = partnerExample<Record<string, unknown>>('dataservices_dataGateway.standard-attr.request');
    assert.deepEqual(Object.keys(report!.body).sort(), Object.keys(example).sort(), 'the fields of the standard\'s attr report');
    assert.deepEqual(statusOf(report!), attr({ onOffStatus: 'True' }));
    const at = Number(report!.body.TimeStamp);
    assert.ok(at >= sent - 1000 && at <= Date.now() + 1000, 'TimeStamp: milliseconds since the epoch, now (E-30)');
    await assertAllDeliveredInOrder(p, [washer]);
    assert.equal(p.otherPartner.deliveries.length, 0, 'a partner none of whose users bound the device hears nothing');
  });

  it('7.2.8 a refused operation is not reported', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addDevice();
    await p.bind(alice, washer);
    const { response } = await alice.client.devices_op({ body: { UserID: alice.userId, Device: [{ DeviceInfo: { deviceID: washer }, DeviceAttr: { laundryCycle: '9' } }] } });
    assert.equal(response.status, 422);
    assert.deepEqual(await outboxRows(p.db, [washer]), []);
  });

  it('7.2.8 a device two users of one partner share (trust) is reported once to that partner', async () => {
    const p = platform();
    const familyId = `family-reports-${process.pid}`;
    const alice = await p.login({ familyId });
    const bob = await p.login({ familyId });
    const washer = await p.addDevice();
    await p.bind(alice, washer);
    await p.bind(bob, washer);
    await operate(bob, washer, { onOffStatus: 'True' });
    const reports = (await assertAllDeliveredInOrder(p, [washer])).get(washer)!;
    assert.deepEqual(reports.map(statusOf), [attr({ onOffStatus: 'True' })]);
  });

  it('7.2.8 the standard\'s wash cycle runs to the end through simulation steps; every phase is reported, in order', async () => {
    const p = platform();
    const alice = await p.login();
    const [start, cycle] = [requestExample('devices_op'), requestExample('devices_op', 'standard-laundry-cycle')];
    const washer = start.Device[0]!.DeviceInfo.deviceID;
    await p.bind(alice, washer);
    for (const body of [start, cycle]) {
      body.UserID = alice.userId;
      assert.equal((await alice.client.devices_op({ body })).response.status, 200);
    }

    // One step more than the cycle has phases: a finished machine stays still.
    for (let i = 0; i < 4; i += 1) await p.running.devices.tick();

    const reports = (await assertAllDeliveredInOrder(p, [washer])).get(washer)!;
    for (const report of reports) assertStandardReport(report);
    assert.deepEqual(reports.map(statusOf), [
      attr({ onOffStatus: 'True' }),
      attr({ laundryCycle: '5', runningstatus: '1', doorLockStatus: 'True' }),
      attr({ runningstatus: '2' }),
      attr({ runningstatus: '3' }),
      attr({ runningstatus: '4', doorLockStatus: 'False' }),
    ]);
    const times = reports.map((r) => Number(r.body.TimeStamp));
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'TimeStamps never go back');
  });

  describe('a fault (simulation.faults) raises the standard\'s alarm report', () => {
    const standardAlarm = statusOf({ body: partnerExample('dataservices_dataGateway.standard-alarm.request') });
    const rows: [name: string, deviceId: string, commands: Record<string, string>[], expected: Status[]][] = [
      [
        'a washing machine whose water heating fails pauses its cycle',
        FAULTY.washer,
        [{ onOffStatus: 'True', laundryCycle: '3' }],
        [attr({ onOffStatus: 'True', laundryCycle: '3', runningstatus: '1', doorLockStatus: 'True' }), attr({ runningstatus: '5' }), standardAlarm],
      ],
      [
        'a water heater whose heating fails stops heating',
        FAULTY.heater,
        [{ onOffStatus: 'True' }],
        [attr({ onOffStatus: 'True', heating: 'True' }), attr({ heating: 'False' }), standardAlarm],
      ],
    ];
    for (const [name, deviceId, commands, expected] of rows) {
      it(`7.2.8 ${name}: attr then alarm {error: waterHeatingErr}, once`, async () => {
        const p = platform();
        const alice = await p.login();
        await p.bind(alice, deviceId);
        for (const command of commands) await operate(alice, deviceId, command);
        // The fault stops the appliance at the first step; the next steps raise nothing more.
        for (let i = 0; i < 3; i += 1) await p.running.devices.tick();
        const reports = (await assertAllDeliveredInOrder(p, [deviceId])).get(deviceId)!;
        for (const report of reports) assertStandardReport(report);
        assert.deepEqual(reports.map(statusOf), expected);
      });
    }
  });

  it('7.2.8 a device going offline and back online is reported as the standard\'s onOffline notices', async () => {
    const p = platform();
    const alice = await p.login();
    const washer = await p.addDevice();
    await p.bind(alice, washer);
    const online = partnerExample<{ DeviceStatus: { ip: string } }>('dataservices_dataGateway.standard-online.request');

    await p.running.devices.setOnline(washer, false);
    await p.running.devices.setOnline(washer, true, online.DeviceStatus.ip);

    const reports = (await assertAllDeliveredInOrder(p, [washer])).get(washer)!;
    for (const report of reports) assertStandardReport(report);
    const standard = (name: string) => statusOf({ body: partnerExample(`dataservices_dataGateway.${name}.request`) });
    assert.deepEqual(reports.map(statusOf), [standard('standard-offline'), standard('standard-online')]);
  });

  describe('a partner that fails gets the report later, with the same EventID (at least once)', () => {
    const rows: [name: string, failures: PartnerBehaviour[]][] = [
      ['answers HTTP 500 twice', ['fail500', 'fail500']],
      ['refuses with RetCode 503', ['refuse']],
      ['closes the connection without a reply', ['drop']],
    ];
    for (const [name, failures] of rows) {
      it(`7.2.8 a partner that ${name}, then RetCode 200, gets the report ${failures.length + 1} times with one EventID and accepts it once`, async () => {
        const p = platform();
        const alice = await p.login();
        const washer = await p.addDevice();
        await p.bind(alice, washer);
        p.partner.gateway.push(...failures);

        await operate(alice, washer, { onOffStatus: 'True' });

        const [report] = (await assertAllDeliveredInOrder(p, [washer])).get(washer)!;
        const deliveries = p.partner.deliveries;
        assert.deepEqual(deliveries.map((d) => d.behaviour), [...failures, 'answer']);
        assert.deepEqual(new Set(deliveries.map((d) => d.headers.eventid)), new Set([report!.eventId]), 'one EventID on every attempt');
        assert.equal((await outboxRows(p.db, [washer]))[0]?.attempts, failures.length + 1);
      });
    }

    it('7.2.8 a partner that is down gets the reports once it is back, none lost, in order', async (t) => {
      const p = platform();
      const alice = await p.login();
      const washer = await p.addDevice();
      await p.bind(alice, washer);
      await p.partner.stop();
      t.after(() => p.partner.start());

      await operate(alice, washer, { onOffStatus: 'True' });
      await operate(alice, washer, { laundryCycle: '2' });
      await eventually('a failed delivery while the partner is down', async () => (await outboxRows(p.db, [washer]))[0]!.attempts >= 2);
      assert.equal(p.partner.deliveries.length, 0);
      await p.partner.start();

      const reports = (await assertAllDeliveredInOrder(p, [washer])).get(washer)!;
      assert.deepEqual(reports.map(statusOf), [attr({ onOffStatus: 'True' }), attr({ laundryCycle: '2', runningstatus: '1', doorLockStatus: 'True' })]);
    });

    it('7.2.8 nothing is lost: many reports of several devices through a partner that fails now and then arrive once each, in order per device', async () => {
      const p = platform();
      const alice = await p.login();
      const devices = [await p.addDevice(DeviceTypes.washingMachine), await p.addDevice(DeviceTypes.waterHeater), await p.addDevice(DeviceTypes.airConditioner)];
      const [washer, heater, conditioner] = devices as [string, string, string];
      await p.bind(alice, ...devices);
      p.partner.gateway.push('fail500', 'answer', 'drop', 'answer', 'answer', 'refuse', 'fail500', 'answer', 'drop');

      await operate(alice, washer, { onOffStatus: 'True' });
      await operate(alice, heater, { onOffStatus: 'True', targetTemperature: '35' });
      await operate(alice, conditioner, { onOffStatus: 'True', targetTemperature: '27' });
      await operate(alice, washer, { laundryCycle: '4' });
      for (let i = 0; i < 4; i += 1) await p.running.devices.tick();

      const byDevice = await assertAllDeliveredInOrder(p, devices);
      assert.deepEqual(byDevice.get(washer)!.map(statusOf).at(-1), attr({ runningstatus: '4', doorLockStatus: 'False' }));
      assert.deepEqual(byDevice.get(heater)!.map(statusOf).at(-1), attr({ currentTemperature: '35', heating: 'False' }));
      assert.deepEqual(byDevice.get(conditioner)!.map(statusOf).at(-1), attr({ indoorTemperature: '27' }));
      assert.ok(p.partner.deliveries.length > p.partner.reports.length, 'the partner did fail some deliveries');
    });
  });

  it('7.2.8 a partner that answers later than deliveryTimeoutMs gets the report again with the same EventID, to drop the copy', async (t) => {
    const p = await startTestPlatform(t, { limits: { deliveryTimeoutMs: 200 } });
    const alice = await p.login();
    const washer = await p.addDevice();
    await p.bind(alice, washer);
    p.partner.gateway.push('slow');
    // Long enough that the slow answer comes after the test, whose copy would otherwise count too.
    p.partner.slowMs = 30_000;

    await operate(alice, washer, { onOffStatus: 'True' });

    const [row] = await eventually('the report delivered', async () => {
      const rows = await outboxRows(p.db, [washer]);
      return rows.every((r) => r.delivered) && rows;
    });
    const [first, ...retries] = p.partner.deliveries;
    assert.equal(first?.behaviour, 'slow');
    assert.ok(retries.length >= 1, 'sent again after the timeout');
    // A retry may time out too on a loaded machine and be accepted twice: the EventID is what
    // lets the partner drop the copies.
    assert.ok(p.partner.reports.length >= 1);
    assert.deepEqual(new Set(p.partner.deliveries.map((d) => d.headers.eventid)), new Set([row!.eventId]), 'one EventID on every copy');
  });
});
