// Who is calling: the partner platform named by its client certificate under mutual TLS
// (clause 6.6.1.1), or by the PlatID/AppID headers otherwise — which clause 7.1 makes optional
// under TLS only (x-required-without-mtls in the spec, read once by the generator).
import type { TLSSocket } from 'node:tls';
import type { RequestHandler } from 'express';
import { cheaaPlatformOperationIdOf, cheaaPlatformOperations } from '../../generated/cheaa-c2c/platform.handlers.ts';
import { refuse, RetCodes } from '../domain/errors.ts';
import type { Partner } from '../domain/model.ts';

/** The names a client certificate answers to: its subject CN and its DNS subject alternative names. */
export function certificateNames(socket: TLSSocket): string[] {
  const cert = socket.getPeerCertificate();
  const names = cert.subject?.CN ? [String(cert.subject.CN)] : [];
  for (const entry of (cert.subjectaltname ?? '').split(', ')) if (entry.startsWith('DNS:')) names.push(entry.slice(4));
  return names;
}

export function callingPartner(partners: Partner[]): RequestHandler {
  const byPlatId = new Map(partners.map((p) => [p.platId, p]));
  const byCertificate = new Map(partners.filter((p) => p.certificateName).map((p) => [p.certificateName!, p]));
  return (req, res, next) => {
    const operationId = cheaaPlatformOperationIdOf(req);
    if (!operationId) return next();
    const platId = req.get('PlatID');
    const appId = req.get('AppID');
    const socket = req.socket as TLSSocket;
    let partner: Partner | undefined;
    if (socket.encrypted && socket.authorized) {
      const names = certificateNames(socket);
      partner = names.map((n) => byCertificate.get(n)).find((p) => p !== undefined);
      if (!partner) refuse(RetCodes.PlatformForbidden, `client certificate ${names.join(', ')} is not a configured partner`);
      if (platId !== undefined && platId !== partner.platId) {
        refuse(RetCodes.PlatformForbidden, `PlatID ${platId} disagrees with the client certificate of ${partner.platId}`);
      }
    } else {
      for (const header of cheaaPlatformOperations[operationId].requiredWithoutMtls) {
        if (req.get(header) === undefined) refuse(RetCodes.BadRequest, `header ${header} is required without mutual TLS (clause 7.1)`);
      }
      partner = platId === undefined ? undefined : byPlatId.get(platId);
      if (!partner) refuse(RetCodes.PlatformForbidden, `platform ${platId} is not a configured partner`);
    }
    if (appId !== undefined && appId !== partner.appId) refuse(RetCodes.PlatformForbidden, `AppID ${appId} was not issued to ${partner.platId}`);
    res.locals.partner = partner;
    next();
  };
}
