// 7.2.8 device status report, received by the platform in its partner role (role A): each
// DataType of the standard is accepted and stored once per sender and EventID (E-29), through the
// generated partner client.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { CheaaPartnerRequestBody } from '../../generated/cheaa-c2c/partner.handlers.ts';
import { receivedReports } from '../../src/store/received-reports.ts';
import { OTHER_PARTNER, PARTNER, partnerExample } from '../support/examples.ts';
import { sharedPlatform, type TestPlatform } from '../support/platform.ts';
import { assertRefused } from './support/contract.ts';

const platform = sharedPlatform();

type Report = CheaaPartnerRequestBody<'dataservices_dataGateway'>;
const STANDARD_REPORTS = ['standard-attr', 'standard-alarm', 'standard-online', 'standard-offline'] as const;
const standard = (name: (typeof STANDARD_REPORTS)[number]) => partnerExample<Report>(`dataservices_dataGateway.${name}.request`);

/** Sends a report as `from` (a PlatID, or null for a sender that names none), with or without an EventID. */
async function report(p: TestPlatform, body: unknown, { eventId, from = PARTNER.platId, raw }: { eventId?: string | null; from?: string | null; raw?: string } = {}) {
  const init: Record<string, unknown> = { body, headers: { PlatID: from, EventID: eventId ?? null } };
  if (raw !== undefined) init.bodySerializer = () => raw;
  const { data, error, response } = await p.partnerClient().dataservices_dataGateway(init as never);
  return { status: response.status, body: data ?? error, headers: response.headers };
}

/** What the platform stored for a device: the received_reports rows. */
const storedFor = (p: TestPlatform, deviceId: string) => receivedReports(p.db).list(deviceId);

/** A device id of this test's own, so reports of other tests do not mix in. */
const newDevice = () => `R${randomUUID().replaceAll('-', '').slice(0, 11).toUpperCase()}`;

describe('7.2.8 data gateway (the platform as partner)', () => {
  for (const name of STANDARD_REPORTS) {
    it(`7.2.8 the ${name.replace('standard-', '')} report of the standard is answered with the standard reply and stored as sent`, async () => {
      const p = platform();
      const body = standard(name);
      const deviceId = newDevice();
      body.DeviceID = deviceId;
      const eventId = randomUUID();

      const { data, response } = await p.partnerClient({ EventID: eventId }).dataservices_dataGateway({ body });

      assert.equal(response.status, 200);
      assert.deepEqual(data, partnerExample('dataservices_dataGateway.standard.response'));
      assert.deepEqual(await storedFor(p, deviceId), [
        { fromPlatId: PARTNER.platId, eventId, deviceId, dataType: body.DataType, payload: body, timeStamp: body.TimeStamp },
      ]);
    });
  }

  describe('at-least-once delivery, stored once (E-29)', () => {
    it('7.2.8 a report sent twice with one EventID is answered 200 both times and stored once', async () => {
      const p = platform();
      const body = { ...standard('standard-attr'), DeviceID: newDevice() };
      const eventId = randomUUID();
      for (let i = 0; i < 2; i += 1) assert.equal((await report(p, body, { eventId })).status, 200);
      assert.deepEqual((await storedFor(p, body.DeviceID)).map((r) => r.eventId), [eventId]);
    });

    it('7.2.8 two reports with different EventIDs are two events, even with the same body', async () => {
      const p = platform();
      const body = { ...standard('standard-attr'), DeviceID: newDevice() };
      const ids = [randomUUID(), randomUUID()];
      for (const eventId of ids) assert.equal((await report(p, body, { eventId })).status, 200);
      assert.deepEqual((await storedFor(p, body.DeviceID)).map((r) => r.eventId).sort(), ids.sort());
    });

    it('7.2.8 EventIDs are a sender\'s own: one EventID from two platforms is two reports', async () => {
      const p = platform();
      const body = { ...standard('standard-alarm'), DeviceID: newDevice() };
      const eventId = randomUUID();
      for (const from of [PARTNER.platId, OTHER_PARTNER.platId]) assert.equal((await report(p, body, { eventId, from })).status, 200);
      assert.deepEqual((await storedFor(p, body.DeviceID)).map((r) => r.fromPlatId).sort(), [PARTNER.platId, OTHER_PARTNER.platId].sort());
    });

    it('7.2.8 a sender that follows only the standard (no EventID): the same body twice is stored once, another body again', async () => {
      const p = platform();
      const deviceId = newDevice();
      const offline = { ...standard('standard-offline'), DeviceID: deviceId };
      const online = { ...standard('standard-online'), DeviceID: deviceId };
      for (const body of [offline, offline, online]) assert.equal((await report(p, body)).status, 200);
      assert.deepEqual((await storedFor(p, deviceId)).map((r) => r.payload).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))), [offline, online].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
    });
  });

  describe('contract: a report that breaks it is refused and not stored', () => {
    const rows: [name: string, change: (body: Record<string, unknown>) => unknown, field: RegExp][] = [
      ['a DataType the standard does not define', (b) => ({ ...b, DataType: 'status' }), /DataType/],
      ['an alarm without its error (E-12)', (b) => ({ ...b, DataType: 'alarm', DeviceStatus: { onOffStatus: 'True' } }), /DeviceStatus|error/],
      ['a TimeStamp that is not 13 digits of milliseconds (E-30)', (b) => ({ ...b, TimeStamp: '2015-10-16T03:23:32Z' }), /TimeStamp/],
      ['DeviceStatus as a string, as table 50 types it (E-12)', (b) => ({ ...b, DeviceStatus: '{"onOffStatus":"True"}' }), /DeviceStatus/],
      ['a "DeviceID " with a trailing space, as the standard\'s example (E-02)', ({ DeviceID, ...b }) => ({ ...b, 'DeviceID ': DeviceID }), /DeviceID/],
      ['no DeviceID', ({ DeviceID: _, ...b }) => b, /DeviceID/],
    ];
    for (const [name, change, field] of rows) {
      it(`7.2.8 ${name} → RetCode 400 naming the field`, async () => {
        const p = platform();
        const deviceId = newDevice();
        const body = change({ ...standard('standard-attr'), DeviceID: deviceId });
        assertRefused(await report(p, body, { eventId: randomUUID() }), '400', field);
        assert.deepEqual(await storedFor(p, deviceId), []);
      });
    }

    it('7.2.8 malformed JSON → RetCode 400; text/plain → RetCode 415; nothing stored', async () => {
      const p = platform();
      const body = { ...standard('standard-attr'), DeviceID: newDevice() };
      assertRefused(await report(p, body, { raw: `${JSON.stringify(body).slice(0, -1)},}` }), '400', /malformed JSON/);
      const init = { body, headers: { 'Content-Type': 'text/plain' }, bodySerializer: () => JSON.stringify(body) };
      const { error, response } = await p.partnerClient().dataservices_dataGateway(init as never);
      assertRefused({ status: response.status, body: error, headers: response.headers }, '415');
      assert.deepEqual(await storedFor(p, body.DeviceID), []);
    });
  });
});
