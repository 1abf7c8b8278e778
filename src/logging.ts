// The platform's default logger: pino's JSON lines on stdout, written asynchronously. A busy
// instance logs a line per request; written synchronously, each line is a system call on the
// request's path. Asynchronous writes leave that to libuv's thread pool, and lines logged while a
// write is under way go out together with the next one. pino flushes what is left when the
// process exits.
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ name: 'cloud-interop', level }, pino.destination({ dest: 1, sync: false }));
}
