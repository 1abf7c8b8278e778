// The cloud-interop command line: global help, then the subcommand named by the first argument.
import type { CliIo } from './command.ts';
import { UsageError } from './command.ts';
import { commands } from './commands.ts';

export const PROGRAM = 'cloud-interop';

function globalHelp(): string {
  const width = Math.max(...[...commands.keys()].map((name) => name.length));
  const list = [...commands].map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`).join('\n');
  return `Usage: ${PROGRAM} <command> [options]

Tools of the cloud-interop reference implementation of the CHEAA smart-appliance
cloud-to-cloud interconnection standard.

Commands:
${list}

Run '${PROGRAM} <command> --help' for the options of a command.
Colours are used only when the output is a terminal; NO_COLOR=1 turns them off.
`;
}

const wantsHelp = (args: string[]) => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
};

/** Runs the CLI on the arguments after the program name; resolves to the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const { stdout, stderr } = io;
  if (name === undefined) {
    stderr.write(`${stderr.style.red(`${PROGRAM}: give a command.`)}\n\n${globalHelp()}`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? args[0] : undefined;
    if (topic === undefined) {
      stdout.write(globalHelp());
      return 0;
    }
    return runCli([topic, '--help'], io);
  }
  const entry = commands.get(name);
  if (!entry) {
    const hint = name.startsWith('-') ? 'options go after the command' : `unknown command '${name}'`;
    stderr.write(`${stderr.style.red(`${PROGRAM}: ${hint}.`)} Commands: ${[...commands.keys()].join(', ')}.\nRun '${PROGRAM} --help' for help.\n`);
    return 2;
  }
  const command = await entry.load();
  if (wantsHelp(args)) {
    stdout.write(command.help);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`${stderr.style.red(`${PROGRAM} ${name}: ${error.message}`)}\nRun '${PROGRAM} ${name} --help' for usage.\n`);
      return 2;
    }
    stderr.write(`${stderr.style.red(`${PROGRAM} ${name}: ${error instanceof Error ? error.message : String(error)}`)}\n`);
    return 1;
  }
}
