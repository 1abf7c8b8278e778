// Where the CLI and the demo write: the process's stdout and stderr, with colours only when the
// stream is a terminal and NO_COLOR (no-color.org) is not set.
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
}

const sgr = (on: number, off: number) => (text: string) => `\x1b[${on}m${text}\x1b[${off}m`;
const coloured: Style = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39) };
const plain: Style = { bold: (t) => t, dim: (t) => t, red: (t) => t, green: (t) => t };

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Style {
  const wanted = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  return wanted ? coloured : plain;
}

/** Where a command or the demo writes: text, and the styles that stream can show. */
export interface Output {
  write(text: string): void;
  style: Style;
}

/** The process's own stdout and stderr. */
export const terminalIo = {
  stdout: { write: (text: string) => void process.stdout.write(text), style: styleFor(process.stdout, process.env) } satisfies Output,
  stderr: { write: (text: string) => void process.stderr.write(text), style: styleFor(process.stderr, process.env) } satisfies Output,
};
