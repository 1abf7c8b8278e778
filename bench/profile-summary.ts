// Where a server's CPU time went, from the V8 profiles `npm run bench -- --profile` writes
// (node --cpu-prof): self time summed by what the code belongs to — validation, JSON, the
// store's client, Express, logging, TLS and HTTP in Node itself, our own code — and the
// functions that cost most.
//   node --import tsx bench/profile-summary.ts <dir or .cpuprofile> [...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const rules: [string, (url: string, fn: string) => boolean][] = [
  ['idle', (_u, fn) => fn === '(idle)'],
  // The profiler's own cost while it runs.
  ['profiler', (u) => u === 'node:inspector'],
  ['JSON (parse, stringify)', (u, fn) => u === '' && (fn === 'parse' || fn === 'stringify')],
  // Native halves of socket writes and reads: HTTP replies, pg's protocol messages, IPC.
  ['Node: socket I/O (native)', (u, fn) => u === '' && /^(writev|writeUtf8String|writeString|writeBuffer|writeLatin1String|utf8Slice|latin1Slice|readv|read)$/.test(fn)],
  ['garbage collection', (_u, fn) => fn === '(garbage collector)'],
  ['validation (express-openapi-validator, ajv)', (u) => /node_modules\/(express-openapi-validator|ajv|ajv-formats|json-schema-traverse|fast-uri|path-to-regexp)\//.test(u)],
  ['store client (pg, PGlite)', (u) => /node_modules\/(pg|pg-protocol|pg-types|pg-pool|pg-connection-string|postgres-[a-z]+|@electric-sql)\//.test(u) || u.startsWith('wasm://')],
  ['Express (router, body-parser, send)', (u) => /node_modules\/(express|router|body-parser|raw-body|iconv-lite|type-is|content-type|qs|on-finished|finalhandler|send|mime-types|media-typer|accepts|negotiator|cookie|depd|http-errors|statuses|encodeurl|escape-html|parseurl|proxy-addr|forwarded|ipaddr\.js|vary|fresh|range-parser|debug|ms|setprototypeof|inherits|merge-descriptors|content-disposition|etag|serve-static)\//.test(u)],
  ['logging (pino)', (u) => /node_modules\/(pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|atomic-sleep|on-exit-leak-free|safe-stable-stringify)/.test(u)],
  ['undici (report delivery)', (u) => /node_modules\/undici\//.test(u) || u.includes('internal/deps/undici')],
  ['our code (src/, generated/)', (u) => /\/(src|generated)\//.test(u) && !u.includes('node_modules')],
  ['Node: TLS and crypto', (u) => /node:(_tls|tls|crypto|internal\/tls|internal\/crypto)/.test(u) || /internal\/(tls|crypto)/.test(u)],
  ['Node: HTTP and sockets', (u) => /node:(_http|http|net|internal\/(http|net|stream|streams|timers|async_hooks|process))/.test(u) || /internal\/(http|net|stream)/.test(u)],
  ['other builtins (no script)', (u, fn) => u === '' && !fn.startsWith('(')],
  ['tsx loader', (u) => /node_modules\/(tsx|esbuild|get-tsconfig)\//.test(u)],
  ['Node: other internals', (u) => u.startsWith('node:')],
  ['(program)', (_u, fn) => fn === '(program)'],
];

function categoryOf(url: string, fn: string): string {
  return rules.find(([, test]) => test(url, fn))?.[0] ?? 'other node_modules';
}

function files(args: string[]): string[] {
  return args.flatMap((arg) =>
    statSync(arg).isDirectory()
      ? readdirSync(arg, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(arg, f))
      : [arg],
  );
}

export function summarise(file: string): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let busy = 0;
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id)!;
    const category = categoryOf(callFrame.url, callFrame.functionName);
    categories.set(category, (categories.get(category) ?? 0) + micros);
    total += micros;
    if (category === 'idle') continue;
    busy += micros;
    const where = callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|generated|bench)\//, '$1/');
    const key = `${callFrame.functionName || '(anonymous)'} ${where}:${callFrame.lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
  }
  const pct = (micros: number, of: number) => `${((100 * micros) / of).toFixed(1).padStart(5)} %`;
  const lines = [`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`, '  by owner (share of busy time):'];
  for (const [category, micros] of [...categories].sort((a, b) => b[1] - a[1])) {
    if (category !== 'idle') lines.push(`    ${pct(micros, busy)}  ${category}`);
  }
  lines.push('  top functions (self time, share of busy time):');
  for (const [fn, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`    ${pct(micros, busy)}  ${fn}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: node --import tsx bench/profile-summary.ts <dir or .cpuprofile> [...]');
    process.exit(2);
  }
  for (const file of files(args)) console.log(`${summarise(file)}\n`);
}
