// Requests Node's HTTP parser refuses never reach Express: without this, Node answers them with a
// status line and no body. Here they get the standard's body too, with the status Node would send.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { RetCodes, type RetCode } from '../domain/errors.ts';
import { Statuses, type Status } from '../domain/gbt43960/errors.ts';

interface ClientError extends Error {
  code?: string;
  /** The bytes being parsed when the parser failed; they start with the request line unless it came in an earlier packet. */
  rawPacket?: Buffer;
}

interface Refusal {
  http: number;
  retCode: RetCode;
  gbt: Status;
  why: string;
}

// Node's default statuses for these (lib/_http_server.js), any other parse error is a 400.
const refusals: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: { http: 431, retCode: RetCodes.BadRequest, gbt: Statuses.MalformedPacket, why: 'request header fields too large' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { http: 413, retCode: RetCodes.PayloadTooLarge, gbt: Statuses.PayloadTooLarge, why: 'chunk extensions too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { http: 408, retCode: RetCodes.BadRequest, gbt: Statuses.MalformedPacket, why: 'the request did not arrive in time' },
};

const GBT_REQUEST_LINE = /^[A-Z]+ (?:https?:\/\/[^/\s]*)?\/gbt43960\//;

/** The server's 'clientError' listener. */
export function answerClientError(err: ClientError, socket: Duplex): void {
  // As Node's default: nothing can be answered on a closed socket, or after a reply in flight started.
  const inFlight = (socket as { _httpMessage?: { headersSent: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const refusal = refusals[err.code ?? ''] ?? { http: 400, retCode: RetCodes.BadRequest, gbt: Statuses.MalformedPacket, why: `malformed HTTP request (${err.code ?? err.message})` };
  const gbt = GBT_REQUEST_LINE.test(err.rawPacket?.toString('latin1', 0, 256) ?? '');
  const body = JSON.stringify(gbt ? { status: refusal.gbt, msg: refusal.why } : { RetCode: refusal.retCode, RetInfo: refusal.why });
  socket.end(
    `HTTP/1.1 ${refusal.http} ${STATUS_CODES[refusal.http]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `Date: ${new Date().toUTCString()}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
    // Closed once written, as Node does, not when the client gets round to closing its side.
    () => socket.destroy(),
  );
}
