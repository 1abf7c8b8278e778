// The JSON-lines log: one object per exchange (`"type":"exchange"`) and per violation found later
// (`"type":"late"`), tokens masked, for jq and log pipelines.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Reporter } from '../watch.ts';
import { masked, verdictOf } from './masked.ts';

export interface JsonLinesReporter extends Reporter {
  close(): Promise<void>;
}

export function jsonLinesReporter(file: string): JsonLinesReporter {
  const stream: WriteStream = createWriteStream(file, { flags: 'a' });
  const write = (record: object) => stream.write(`${JSON.stringify(record)}\n`);
  return {
    exchange(exchange) {
      const { seq, leg, operationId, clause, method, path, at, latencyMs, upstreamMs, retCode, failure, refused, violations, request, reply } = masked(exchange);
      write({ type: 'exchange', seq, at: new Date(at).toISOString(), leg, operationId, clause, method, path, status: reply?.status, retCode, verdict: verdictOf(exchange), latencyMs: Math.round(latencyMs * 1000) / 1000, upstreamMs: Math.round(upstreamMs * 1000) / 1000, ...(failure !== undefined && { failure }), ...(refused && { refused }), violations, request, reply });
    },
    late(exchange, violation) {
      write({ type: 'late', seq: exchange.seq, at: new Date().toISOString(), operationId: exchange.operationId, violation });
    },
    close: () => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}
