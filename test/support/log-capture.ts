// A pino logger whose lines a test can read back, parsed.
import { pino, type Logger } from 'pino';

export interface CapturedLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export function capturedLog(level = 'info'): { log: Logger; lines: CapturedLine[] } {
  const lines: CapturedLine[] = [];
  const log = pino({ level }, { write: (text: string) => void lines.push(JSON.parse(text) as CapturedLine) });
  return { log, lines };
}
