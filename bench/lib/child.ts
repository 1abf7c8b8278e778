// Starts one server under test as its own process (`<node> --import tsx bench/servers/<x>.ts`),
// so the load generator's CPU is never counted in the server's, and reads its peak RSS from
// /proc when the scenario is over.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandMessage, ReadyMessage, ReplyMessage } from './ipc.ts';

export interface ServerChild {
  pid: number;
  port: number;
  process: ChildProcess;
  /** Sends a command to the child's IPC handlers and resolves to its result. */
  call<T = unknown>(cmd: string, args?: unknown): Promise<T>;
  /** VmHWM: the most resident memory the process has had, start-up included, in MiB. */
  peakRssMb(): number;
  /** CPU seconds (user + system, all threads) the process has used so far. */
  cpuSeconds(): number;
  /** SIGTERM, then SIGKILL when it has not exited within 15 s. */
  stop(): Promise<void>;
}

export interface StartOptions {
  node: string;
  /** A file under bench/servers/, without the extension. */
  server: string;
  env?: Record<string, string | undefined>;
  /** Let the child's stdout through (its pino lines); discarded otherwise. */
  verbose?: boolean;
}

const serversDir = fileURLToPath(new URL('../servers/', import.meta.url));

export async function startServer(options: StartOptions): Promise<ServerChild> {
  const args = ['--import', 'tsx', `${serversDir}${options.server}.ts`];
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // Settings of the shell must not leak into the server under test.
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  for (const [key, value] of Object.entries(options.env ?? {})) if (value === undefined) delete env[key];
  const child = spawn(options.node, args, { stdio: ['ignore', options.verbose ? 'inherit' : 'ignore', 'inherit', 'ipc'], env });

  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  exited.then((code) => {
    for (const { reject } of pending.values()) reject(new Error(`${options.server} exited (${code}) before answering`));
    pending.clear();
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.server} did not start within 120 s`)), 120_000);
    child.on('message', (message: ReadyMessage | ReplyMessage) => {
      if ('ready' in message) {
        clearTimeout(timer);
        resolve(message.port);
        return;
      }
      if ('id' in message) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error !== undefined) waiter?.reject(new Error(`${options.server}: ${message.error}`));
        else waiter?.resolve(message.result);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.server} exited with ${code} before it was ready`));
    });
  });

  const pid = child.pid!;
  return {
    pid,
    port,
    process: child,
    call<T>(cmd: string, args?: unknown): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, cmd, args } satisfies CommandMessage);
      });
    },
    peakRssMb() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
      return Math.round(kb / 1024);
    },
    cpuSeconds() {
      // Fields after the command name (which may hold spaces) of /proc/<pid>/stat: utime and stime
      // are the 12th and 13th, in clock ticks of 1/100 s on Linux.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
