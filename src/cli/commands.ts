// The registry of subcommands: one entry per file src/cli/<name>.ts, listed here in help order. A
// command's module is loaded only when it runs, so `udid` does not pay for what `serve` imports.
import type { Command } from './command.ts';

export interface CommandEntry {
  /** One line for `cloud-interop --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: ReadonlyMap<string, CommandEntry> = new Map([
  [
    'serve',
    {
      summary: 'Run the platform (clause 7 interfaces) from a configuration file, config/demo.yaml by default',
      load: async () => (await import('./serve.ts')).serve,
    },
  ],
  [
    'demo',
    {
      summary: "Play the standard's two scenarios between two platforms over mutual TLS, narrated",
      load: async () => (await import('./demo.ts')).demo,
    },
  ],
  [
    'conformance',
    {
      summary: 'Check a cloud against the standard: Arazzo workflows run by Redocly Respect, a report by clause',
      load: async () => (await import('./conformance.ts')).conformance,
    },
  ],
  [
    'proxy',
    {
      summary: 'Sit between two live clouds and check every exchange, both ways: documents, rules across messages, by clause',
      load: async () => (await import('./proxy.ts')).proxy,
    },
  ],
  [
    'udid',
    {
      summary: 'Decode a UDeviceID (clause 6.4): manufacturer, category, sub-category, minor class, serial',
      load: async () => (await import('./udid.ts')).udid,
    },
  ],
]);
