// The platform as partner (role A), on the SDK's partner kit: its 7.1.4 user verify interface
// answers for the platform's own users, and its 7.2.8 data gateway stores the reports other
// platforms send, once per sender and EventID.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Logger } from 'pino';
import { cheaaPartnerOperations } from '../generated/cheaa-c2c/partner.handlers.ts';
import { refuse, RetCodes } from './domain/errors.ts';
import { createPartnerKit } from './sdk/partner-kit.ts';
import type { Database } from './store/database.ts';
import { receivedReports } from './store/received-reports.ts';

export interface PartnerRoleOptions {
  db: Database;
  log: Logger;
  localUsers: { loginId: string; authToken: string }[];
}

const BASE_PATH = '/v1';
const digest = (s: string) => createHash('sha256').update(s).digest();

export function partnerRole(options: PartnerRoleOptions): Router {
  const users = new Map(options.localUsers.map((u) => [u.loginId, digest(u.authToken)]));
  const reports = receivedReports(options.db);
  const kit = createPartnerKit({
    basePath: BASE_PATH,
    log: options.log,
    verifyUser({ loginId, authToken }) {
      const expected = users.get(loginId);
      if (!expected) refuse(RetCodes.UnknownUser, `unknown user ${loginId}`);
      // Compare digests in constant time: the AuthToken is a secret. False: the kit refuses with 4032.
      return timingSafeEqual(expected, digest(authToken));
    },
    // The table's primary key (sender, EventID) de-duplicates, so the kit's memory need not.
    seen: { claim: () => true, release: () => undefined },
    async onReport(report, { eventId, platId }) {
      const fromPlatId = platId ?? 'unknown';
      // A sender without EventID (the standard has none) is de-duplicated by its exact body.
      const id = eventId ?? `sha256:${createHash('sha256').update(`${fromPlatId}\n${JSON.stringify(report)}`).digest('hex')}`;
      const fresh = await reports.insertIfNew({ fromPlatId, eventId: id, deviceId: report.DeviceID, dataType: report.DataType, payload: report, timeStamp: report.TimeStamp });
      if (fresh) options.log.info({ fromPlatId, eventId: id, deviceId: report.DeviceID, dataType: report.DataType }, 'report received');
    },
  });
  // Only the partner document's own paths go to the kit; everything else is the platform's.
  const paths = new Set(Object.values(cheaaPartnerOperations).map((op) => `${BASE_PATH}${op.path}`));
  const router = Router();
  router.use((req, res, next) => (paths.has(req.path) ? kit(req, res, next) : next()));
  return router;
}
