// What a subcommand of the cloud-interop CLI is, and what it is given.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Output } from '../terminal.ts';

export interface CliIo {
  stdout: Output;
  stderr: Output;
}

export interface Command {
  /** The text of `cloud-interop <name> --help`. */
  help: string;
  /** Runs with the arguments after the command's name (without --help); resolves to the exit status. */
  run(args: string[], io: CliIo): Promise<number> | number;
}

/** Wrong arguments: the CLI prints the message with a pointer to the command's help and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** node:util parseArgs, strict, with its complaints turned into UsageErrors. */
// The return type is spelled out so `npm run build` can write it into command.d.ts.
export function parseCommandArgs<T extends Omit<ParseArgsConfig, 'args' | 'strict'>>(args: string[], config: T): ReturnType<typeof parseArgs<T & { args: string[]; strict: true }>> {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) throw new UsageError((error as Error).message);
    throw error;
  }
}
