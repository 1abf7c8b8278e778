// The platform as partner (partner.yaml, role A): the document's steps (document-router.ts) around
// the SDK partner kit's handlers. Its 7.1.4 user verify answers for the platform's own users; its
// 7.2.8 data gateway stores the reports other platforms send, once per sender and EventID.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { cheaaPartnerDispatcher, cheaaPartnerOperations } from '../../generated/cheaa-c2c/partner.handlers.ts';
import { cheaaPartnerDocument, cheaaPartnerValidator } from '../../generated/cheaa-c2c/partner.middleware.ts';
import { refuse, RetCodes } from '../domain/errors.ts';
import { partnerCaller, partnerHandlers, partnerSecurityHandlers, requiredWithoutMtls } from '../sdk/partner-kit.ts';
import type { Database } from '../store/database.ts';
import { receivedReports } from '../store/received-reports.ts';
import { certificateNames } from './calling-partner.ts';
import { documentRouter } from './document-router.ts';
import { errorHandler, notFound } from './error-handler.ts';
import { cheaaRateLimit } from './rate-limit.ts';

export interface CheaaPartnerRouterOptions {
  db: Database;
  log: Logger;
  localUsers: { loginId: string; authToken: string }[];
  bodyBytes: number;
  requestsPerSecondPerPartner: number;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The calling B platform: the certificate's name under mutual TLS, else its PlatID header. */
function sender(req: Parameters<typeof partnerCaller>[0]): string | undefined {
  const socket = req.socket as TLSSocket;
  return socket.encrypted && socket.authorized ? certificateNames(socket)[0] : req.get('PlatID');
}

export function cheaaPartnerRouter(options: CheaaPartnerRouterOptions): Router {
  const users = new Map(options.localUsers.map((u) => [u.loginId, digest(u.authToken)]));
  const reports = receivedReports(options.db);
  const handlers = partnerHandlers({
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
  // Only the partner document's own paths are this router's; everything else is the platform's.
  const paths = new Set(cheaaPartnerDocument.basePaths.flatMap((base) => Object.values(cheaaPartnerOperations).map((op) => `${base}${op.path}`)));
  return documentRouter({
    owns: (req) => paths.has(req.path),
    bodyBytes: options.bodyBytes,
    validate: cheaaPartnerValidator({ securityHandlers: partnerSecurityHandlers }),
    identify: requiredWithoutMtls,
    rateLimit: cheaaRateLimit(options.requestsPerSecondPerPartner, sender),
    dispatch: cheaaPartnerDispatcher(handlers, partnerCaller),
    notFound,
    render: errorHandler(options.log),
  });
}
