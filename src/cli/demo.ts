// `cloud-interop demo`: the standard's two scenarios between two platforms, narrated (src/demo/).
import { parseCommandArgs, UsageError, type Command } from './command.ts';

const help = `Usage: cloud-interop demo [--tick <ms>] [--verbose]

Starts two CHEAA platforms on 127.0.0.1 — A (MB-JDAPP-0000, the user's cloud) and
B (PARTNER-Haier-0000, the appliance maker's) — each with its own in-memory store, talking over
mutual TLS with certificates made for this run, and plays the standard's two scenarios (clause 4):

  1. A's user logs into B (B asks A's user verify), binds B's washing machine by its UDeviceID,
     lists it, starts a laundry cycle, and A receives B's reports until the cycle ends; an
     invalid command is refused with its RetCode.
  2. A rule in A ("when my air conditioner switches on, switch B's air purifier on") fires on
     A's own device and operates B's purifier through the standard.

Each step prints one line: time since the start, who calls whom, the interface and its clause,
and the outcome. Nothing is kept: certificates and stores are deleted at the end.

Options:
  --tick <ms>   simulation step of the appliances (default 100)
  --verbose     the platforms' logs on stderr
  -h, --help    show this help

Exit status: 0 when every step succeeded, 1 otherwise (the failed steps are listed on stderr).
`;

export const demo: Command = {
  help,
  async run(args, { stdout, stderr }) {
    const { values, positionals } = parseCommandArgs(args, { options: { tick: { type: 'string' }, verbose: { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length > 0) throw new UsageError(`takes no arguments (got ${positionals.join(' ')})`);
    const tickMs = Number(values.tick ?? 100);
    if (!Number.isInteger(tickMs) || tickMs < 10 || tickMs > 5000) throw new UsageError(`--tick must be a whole number of milliseconds from 10 to 5000 (got ${values.tick})`);
    const { runDemo } = await import('../demo/run.ts');
    return runDemo(stdout, stderr, { tickMs, logLevel: values.verbose ? 'info' : 'silent', waitMs: Math.max(10_000, tickMs * 40) });
  },
};
