// The platform as partner (role A): its 7.1.4 user verify interface answers for its own users,
// and its 7.2.8 data gateway stores the reports other platforms send, once per EventID.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { Router } from 'express';
import type { Logger } from 'pino';
import { cheaaPartnerDispatcher } from '../generated/cheaa-c2c/partner.handlers.ts';
import { cheaaPartnerValidator } from '../generated/cheaa-c2c/partner.middleware.ts';
import { refuse, RetCodes } from './domain/errors.ts';
import type { Partner } from './domain/model.ts';
import type { Database } from './store/database.ts';
import { receivedReports } from './store/received-reports.ts';

export interface PartnerRoleOptions {
  db: Database;
  log: Logger;
  localUsers: { loginId: string; authToken: string }[];
  partners: Partner[];
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function partnerRole(options: PartnerRoleOptions): Router {
  const users = new Map(options.localUsers.map((u) => [u.loginId, digest(u.authToken)]));
  const reports = receivedReports(options.db);
  const router = Router();
  router.use(
    cheaaPartnerValidator({
      ignoreUndocumented: true,
      securityHandlers: { PartnerCertificate: (req) => (req.socket as TLSSocket).authorized === true },
    }),
  );
  router.use(
    cheaaPartnerDispatcher(
      {
        user_verify: ({ body }) => {
          const loginId = body.User[0]!.UserBase.loginID!;
          const expected = users.get(loginId);
          if (!expected) refuse(RetCodes.UnknownUser, `unknown user ${loginId}`);
          // Compare digests in constant time: the AuthToken is a secret.
          if (!timingSafeEqual(expected, digest(body.AuthToken))) refuse(RetCodes.TokenInvalid, `AuthToken is not valid for ${loginId}`);
          return { status: 200, body: { RetCode: '200', RetInfo: '身份验证成功' } };
        },
        dataservices_dataGateway: async ({ body, req }) => {
          const socket = req.socket as TLSSocket;
          const fromPlatId = req.get('PlatID') ?? (socket.encrypted && socket.authorized ? String(socket.getPeerCertificate().subject?.CN) : 'unknown');
          // A sender without EventID (the standard has none) is de-duplicated by its exact body.
          const eventId = req.get('EventID') ?? `sha256:${createHash('sha256').update(`${fromPlatId}\n${JSON.stringify(body)}`).digest('hex')}`;
          const fresh = await reports.insertIfNew({ fromPlatId, eventId, deviceId: body.DeviceID, dataType: body.DataType, payload: body, timeStamp: body.TimeStamp });
          if (fresh) options.log.info({ fromPlatId, eventId, deviceId: body.DeviceID, dataType: body.DataType }, 'report received');
          return { status: 200, body: { RetCode: '200', RetInfo: '上报成功' } };
        },
      },
      () => null,
    ),
  );
  return router;
}
