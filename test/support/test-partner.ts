// The partner platform (role A) a test controls.
//
// The test partner (`TestPartner`) is an Express app with the generated partner validator and
// dispatcher. Its 7.1.4 user verify answers from the table `users` (loginID → AuthToken); its 7.2.8
// data gateway records every report. A test makes it misbehave: `verify = 'refuse' | 'slow' | …`,
// `gateway.push('fail500', …)` for the next reports, `outage = 'refuse'` for every report until
// cleared, `hanging.add(deviceId)` to hang on one device's reports, `stop()` to be down and
// `start()` to be back.
import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { cheaaPartnerDispatcher, cheaaPartnerOperationIdOf, type CheaaPartnerRequestBody } from '../../generated/cheaa-c2c/partner.handlers.ts';
import { cheaaPartnerValidator } from '../../generated/cheaa-c2c/partner.middleware.ts';
import { refuse, RetCodes } from '../../src/domain/errors.ts';
import { errorHandler, notFound } from '../../src/http/error-handler.ts';
import { partnerExample, PARTNER } from './examples.ts';
import { type Cleanup, eventually } from './eventually.ts';

/**
 * How the test partner answers: `answer` as a partner should (verify from its `users` table, the
 * gateway with RetCode 200); `refuse` with a refusal (verify: 4011; gateway: 503); `fail500` with
 * HTTP 500; `slow` only after `slowMs`, later than the platform waits; `drop` by closing the
 * connection without a reply.
 */
export type PartnerBehaviour = 'answer' | 'refuse' | 'fail500' | 'slow' | 'drop';

export interface PartnerArrival {
  operationId: 'user_verify' | 'dataservices_dataGateway' | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  behaviour?: PartnerBehaviour;
  /** performance.now() when it arrived. */
  at: number;
  /** The requests the partner was serving when it arrived, this one included. */
  concurrent: number;
}

/** A report the partner's data gateway accepted (answered RetCode 200). */
export interface PartnerReport {
  eventId: string | undefined;
  platId: string | undefined;
  body: CheaaPartnerRequestBody<'dataservices_dataGateway'>;
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
  #open = 0;
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
    app.use(express.json());
    app.use((req, res, next) => {
      this.#open += 1;
      res.once('close', () => {
        this.#open -= 1;
      });
      const arrival: PartnerArrival = { operationId: undefined, headers: { ...req.headers }, body: req.body, at: performance.now(), concurrent: this.#open };
      this.arrivals.push(arrival);
      res.locals.arrival = arrival;
      next();
    });
    app.use(cheaaPartnerValidator({ securityHandlers: { PartnerCertificate: () => false } }));
    app.use(async (req, res, next) => {
      const operationId = cheaaPartnerOperationIdOf(req);
      const arrival = res.locals.arrival as PartnerArrival;
      arrival.operationId = operationId;
      const behaviour = operationId === 'user_verify' ? this.verify : this.#gatewayBehaviour(req.body as { DeviceID?: unknown });
      arrival.behaviour = behaviour;
      switch (behaviour) {
        case 'answer':
          return next();
        case 'slow':
          try {
            await sleep(this.slowMs, undefined, { signal: this.#aborted.signal });
          } catch {
            return;
          }
          return next();
        case 'drop':
          req.socket.destroy();
          return;
        case 'fail500':
          res.status(500).json({ RetCode: RetCodes.InternalError, RetInfo: 'internal error (test partner)' });
          return;
        case 'refuse':
          if (operationId === 'user_verify') refuse(RetCodes.TokenInvalid, 'AuthToken is not valid');
          refuse(RetCodes.Unavailable, 'the partner is not taking reports now');
      }
    });
    app.use(
      cheaaPartnerDispatcher(
        {
          user_verify: ({ body }) => {
            const loginId = body.User[0]!.UserBase.loginID;
            const expected = this.users.get(loginId);
            if (expected === undefined) refuse(RetCodes.UnknownUser, `unknown user ${loginId}`);
            if (expected !== body.AuthToken) refuse(RetCodes.TokenInvalid, `AuthToken is not valid for ${loginId}`);
            return { status: 200, body: partnerExample('user_verify.standard.response') as never };
          },
          dataservices_dataGateway: async ({ body, req }) => {
            if (this.gatewayDelayMs > 0) await sleep(this.gatewayDelayMs);
            this.reports.push({ eventId: req.get('EventID'), platId: req.get('PlatID'), body, receivedAt: performance.now() });
            return { status: 200, body: partnerExample('dataservices_dataGateway.standard.response') as never };
          },
        },
        () => null,
      ),
    );
    app.use(notFound);
    app.use(errorHandler({ error: () => {} }));
    return app;
  }
}

/** A partner platform on a loopback port, closed after the test. */
export async function startTestPartner(t: Cleanup, identity: { platId: string; appId: string } = PARTNER): Promise<TestPartner> {
  const partner = new TestPartner(identity);
  await partner.start();
  t.after(() => partner.close());
  return partner;
}
