// The client checks, shared by `npm run test:clients` and test/clients/clients.test.ts: for each
// language whose toolchain is here, generate and compile the client of each document, then run
// the standard's main flow through the platform client against the live reference platform.
import type { ClientDocument } from './documents.ts';
import { PLATFORM_DOCUMENT } from './documents.ts';
import { CommandError, tail, which } from './exec.ts';
import { clientDir, type Language, type Workspace } from './language.ts';
import { pool } from './pool.ts';
import { startReferencePlatform } from './reference-platform.ts';
import { generate } from './swagger-codegen.ts';

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  language: Language['name'];
  check: string;
  outcome: Outcome;
  /** What passed, why it failed, or why it was skipped. */
  detail: string;
  seconds: number;
}

export interface CheckOptions {
  ws: Workspace;
  languages: readonly Language[];
  documents: readonly ClientDocument[];
  /** Generate first (default), or use what is already in the workspace. */
  generate?: boolean;
  /** Run the flow (default). */
  flow?: boolean;
  /** Called as each check ends. */
  onResult?: (result: CheckResult) => void;
  /** A missing toolchain fails instead of skipping; default: REQUIRE_CLIENT_TOOLCHAINS=1, which CI
   * sets so that a lost install step cannot pass as a skip. */
  requireToolchains?: boolean;
}

/** Why a language cannot be checked here, generation included (swagger-codegen needs java). */
export function missingToolchain(language: Language): string | undefined {
  if (!('generateClient' in language) && !which('java')) return 'java is not installed (swagger-codegen runs on it)';
  return language.missing();
}

/** Generates one language's client of one document; resolves with the number of files written. */
export function generateClient(ws: Workspace, language: Language, doc: ClientDocument): Promise<number> {
  if ('generateClient' in language) return language.generateClient(ws, doc);
  return generate(ws.root, { spec: doc.spec, out: clientDir(ws, language.name, doc), args: language.generatorArgs(ws.root, doc), expected: language.expected(doc) });
}

const failure = (error: unknown): string =>
  error instanceof CommandError ? `${error.message}\n${tail(error.output)}` : error instanceof Error ? error.message : String(error);

export async function runClientChecks(options: CheckOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const record = (result: CheckResult) => {
    results.push(result);
    options.onResult?.(result);
  };
  const timed = async (language: Language, check: string, body: () => Promise<string>) => {
    const started = performance.now();
    const seconds = () => Math.round((performance.now() - started) / 100) / 10;
    try {
      const detail = await body();
      record({ language: language.name, check, outcome: 'passed', detail, seconds: seconds() });
      return true;
    } catch (error) {
      record({ language: language.name, check, outcome: 'failed', detail: failure(error), seconds: seconds() });
      return false;
    }
  };

  const required = options.requireToolchains ?? process.env.REQUIRE_CLIENT_TOOLCHAINS === '1';
  const ready: Language[] = [];
  for (const language of options.languages) {
    const missing = missingToolchain(language);
    if (!missing) ready.push(language);
    else if (required) record({ language: language.name, check: `${language.title} clients`, outcome: 'failed', detail: `${missing}; REQUIRE_CLIENT_TOOLCHAINS=1 forbids skipping`, seconds: 0 });
    else record({ language: language.name, check: `${language.title} clients`, outcome: 'skipped', detail: missing, seconds: 0 });
  }

  const built = new Set<string>();
  await pool(
    ready.flatMap((language) =>
      options.documents.map((doc) => () =>
        timed(language, `${doc.name} client`, async () => {
          let what = 'compiled';
          if (options.generate ?? true) {
            const files = await generateClient(options.ws, language, doc);
            what = `generated ${files} files, compiled`;
          }
          const note = await language.compile(options.ws, doc);
          built.add(`${language.name}/${doc.name}`);
          return note ? `${what} (${note})` : what;
        }),
      ),
    ),
  );

  if ((options.flow ?? true) && ready.length) {
    const platform = await startReferencePlatform(ready.map((l) => l.name));
    try {
      await pool(
        ready.map((language) => () =>
          timed(language, 'main flow', async () => {
            if (!built.has(`${language.name}/${PLATFORM_DOCUMENT.name}`)) throw new Error('not run: the platform client did not build');
            const output = await language.runFlow(options.ws, PLATFORM_DOCUMENT, platform.flowEnv(language.name));
            // The login went through the partner's 7.1.4 verify, as the standard's login does.
            if (platform.verifyCalls(language.name) < 1) throw new Error(`the platform never called the partner's user verify\n${tail(output)}`);
            const steps = output.split('\n').filter((line) => line.startsWith('ok ')).map((line) => line.slice(3).split(':')[0]);
            return steps.join(', ');
          }),
        ),
      );
    } finally {
      await platform.close();
    }
  }
  return results;
}

/** `N passed, N failed` (and `, N skipped` when any were), the line CI reads. */
export function summaryLine(results: readonly CheckResult[]): string {
  const n = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  return `${n('passed')} passed, ${n('failed')} failed${n('skipped') ? `, ${n('skipped')} skipped` : ''}`;
}
