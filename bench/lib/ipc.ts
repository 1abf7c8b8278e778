// The servers under test run as child processes; the orchestrator talks to each over Node's IPC
// channel: one `ready` message once it listens, then numbered commands and their replies (SQL on
// the platform's own store, counters of the partner). Nothing of this runs per HTTP request.
// Every server also answers profileStart/profileStop: V8's CPU profiler, the one node --cpu-prof
// runs, but over the measured load only, without start-up and warm-up.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
export type CommandHandlers = Record<string, (args: unknown) => unknown>;

export interface ReadyMessage {
  ready: true;
  port: number;
}

export interface CommandMessage {
  id: number;
  cmd: string;
  args?: unknown;
}

export interface ReplyMessage {
  id: number;
  result?: unknown;
  error?: string;
}

/** Child side: tells the orchestrator the port, then answers its commands until it goes away. */
export function announceReady(port: number, handlers: CommandHandlers = {}): void {
  if (!process.send) throw new Error('a bench server runs as a child of bench/run.ts (it needs the IPC channel)');
  const send = process.send.bind(process);
  const inspector = new Session();
  handlers = {
    ...handlers,
    profileStart: async () => {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
      return null;
    },
    profileStop: async (file) => {
      const { profile } = await inspector.post('Profiler.stop');
      await writeFile(String(file), JSON.stringify(profile));
      inspector.disconnect();
      return file;
    },
  };
  process.on('message', (message: CommandMessage) => {
    const handler = handlers[message.cmd];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${message.cmd}`);
        return handler(message.args);
      })
      .then(
        (result) => send({ id: message.id, result } satisfies ReplyMessage),
        (error: unknown) => send({ id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies ReplyMessage),
      );
  });
  // An orchestrator that crashed must not leave servers holding ports and data dirs.
  process.on('disconnect', () => process.exit(0));
  send({ ready: true, port } satisfies ReadyMessage);
}
