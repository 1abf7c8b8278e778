// The partner platform (role A) a test controls, built on the SDK's partner kit.
//
// The test partner (`TestPartner`) serves `createPartnerKit` on a loopback port. Its 7.1.4 user
// verify answers from the table `users` (loginID → AuthToken); its 7.2.8 data gateway records
// every report. A test makes it misbehave (partner-behaviour.ts): `verify = 'refuse' | 'slow' | …`,
// `gateway.push('fail500', …)` for the next reports, `outage = 'refuse'` for every report until
// cleared, `hanging.add(deviceId)` to hang on one device's reports, `stop()` to be down and
// `start()` to be back.
import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { createPartnerKit, InteropError, partnerOperationOf, RetCodes, type DataGatewayReport, type SeenEvents } from '../../src/sdk/index.ts';
import { PARTNER } from './examples.ts';
import { type Cleanup, eventually } from './eventually.ts';
import { arrivalOf, recordArrivals, type PartnerArrival } from './partner-arrivals.ts';
import { play, type PartnerBehaviour } from './partner-behaviour.ts';

export type { PartnerArrival, PartnerBehaviour };

/** A report the partner's data gateway accepted (answered RetCode 200). */
export interface PartnerReport {
  eventId: string | undefined;
  platId: string | undefined;
  body: DataGatewayReport;
  /** performance.now() when it was accepted. */
  receivedAt: number;
}

export class TestPartner {
  readonly platId: string;
  readonly appId: string;
  /** loginID → AuthToken: the users the partner's 7.1.4 verify accepts. */
  readonly users = new Map<string, string>();
  /** How 7.1.4 verify answers. */
  verify: PartnerBehaviour = 'answer';
  /** How the next reports are answered, one entry each, in order; then `answer`. */
  readonly gateway: PartnerBehaviour[] = [];
  /** While set, how every report is answered, before the `gateway` script. */
  outage: PartnerBehaviour | undefined;
  /** Devices whose reports are answered `slow`, whatever else is set. */
  readonly hanging = new Set<string>();
  /** Every request that reached the partner, before its validator. */
  readonly arrivals: PartnerArrival[] = [];
  /** The reports it accepted, in the order they arrived. */
  readonly reports: PartnerReport[] = [];
  /** How long `slow` waits: longer than a test that expects a timeout lets the platform wait. */
  slowMs = 3000;
  /** How long the data gateway takes to answer a report it accepts. */
  gatewayDelayMs = 0;
  readonly #server: Server;
  #port = 0;
  #listening = false;
  readonly #aborted = new AbortController();

  constructor(identity: { platId: string; appId: string }) {
    this.platId = identity.platId;
    this.appId = identity.appId;
    this.#server = createServer(this.#app());
    // Every slow answer waits on it, and a test may keep dozens waiting.
    setMaxListeners(Number.POSITIVE_INFINITY, this.#aborted.signal);
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/v1`;
  }

  get verifyUrl(): string {
    return `${this.url}/user/verify`;
  }

  get dataGatewayUrl(): string {
    return `${this.url}/dataservices/dataGateway`;
  }

  /** The reports of one device, in arrival order. */
  reportsOf(deviceId: string): PartnerReport[] {
    return this.reports.filter((r) => r.body.DeviceID === deviceId);
  }

  /** The report deliveries that arrived (accepted or not). */
  get deliveries(): PartnerArrival[] {
    return this.arrivals.filter((a) => a.operationId === 'dataservices_dataGateway');
  }

  /** Waits until `count` reports of the device (all devices when omitted) were accepted. */
  async waitForReports(count: number, deviceId?: string, timeoutMs = 5000): Promise<PartnerReport[]> {
    return eventually(`${count} report(s)${deviceId ? ` of ${deviceId}` : ''} at ${this.platId} (got ${deviceId ? this.reportsOf(deviceId).length : this.reports.length})`, () => {
      const got = deviceId ? this.reportsOf(deviceId) : this.reports;
      return got.length >= count && got;
    }, timeoutMs);
  }

  /** Listens, on its previous port when it had one (a partner coming back up). */
  async start(): Promise<void> {
    if (this.#listening) return;
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    this.#port = (this.#server.address() as AddressInfo).port;
    this.#listening = true;
    // The partner validator compiles its document on the first request; do it now, so the first
    // verify of a test is not slower than the platform waits.
    await fetch(this.verifyUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.arrayBuffer());
    this.arrivals.length = 0;
  }

  /** Down: the port refuses connections until `start()`. */
  async stop(): Promise<void> {
    if (!this.#listening) return;
    this.#listening = false;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  /** Back to answering everything, with nothing recorded. */
  reset(): void {
    this.verify = 'answer';
    this.gateway.length = 0;
    this.outage = undefined;
    this.hanging.clear();
    this.gatewayDelayMs = 0;
    this.arrivals.length = 0;
    this.reports.length = 0;
  }

  async close(): Promise<void> {
    this.#aborted.abort();
    await this.stop();
  }

  #gatewayBehaviour(body: { DeviceID?: unknown }): PartnerBehaviour {
    if (typeof body.DeviceID === 'string' && this.hanging.has(body.DeviceID)) return 'slow';
    return this.outage ?? this.gateway.shift() ?? 'answer';
  }

  #app(): express.Express {
    const app = express();
    app.use(recordArrivals(this.arrivals));
    app.use(
      createPartnerKit({
        verifyUser: ({ loginId, authToken }) => {
          const expected = this.users.get(loginId);
          if (expected === undefined) throw new InteropError(RetCodes.UnknownUser, `unknown user ${loginId}`);
          if (expected !== authToken) throw new InteropError(RetCodes.TokenInvalid, `AuthToken is not valid for ${loginId}`);
          return true;
        },
        onReport: async (body, { eventId, platId }) => {
          if (this.gatewayDelayMs > 0) await sleep(this.gatewayDelayMs);
          this.reports.push({ eventId, platId, body, receivedAt: performance.now() });
        },
        seen: everyDelivery,
        beforeHandler: async (req, res, next) => {
          const operationId = partnerOperationOf(req);
          const arrival = arrivalOf(res);
          arrival.operationId = operationId;
          const behaviour = operationId === 'user_verify' ? this.verify : this.#gatewayBehaviour(req.body as { DeviceID?: unknown });
          arrival.behaviour = behaviour;
          if (await play(behaviour, operationId, req, { ms: this.slowMs, signal: this.#aborted.signal })) next();
        },
        log: { error: () => {} },
      }),
    );
    return app;
  }
}

/**
 * The kit's EventID store, remembering nothing: the test partner records every delivery it
 * accepts, a repeated EventID included, since the tests judge the platform's at-least-once
 * delivery by what arrived.
 */
const everyDelivery: SeenEvents = { claim: () => true, release: () => {} };

/** A partner platform on a loopback port, closed after the test. */
export async function startTestPartner(t: Cleanup, identity: { platId: string; appId: string } = PARTNER): Promise<TestPartner> {
  const partner = new TestPartner(identity);
  await partner.start();
  t.after(() => partner.close());
  return partner;
}
