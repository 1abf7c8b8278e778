// What the client checks need to know of a language: how its client is generated (by
// swagger-codegen from the 3.0.3 rendering, or by the language's own generator), which files prove
// it did, whether this machine can build it, how to compile it and how to run the standard's main
// flow (the program under clients/<language>/) against the platform.
import { join } from 'node:path';
import type { ClientDocument } from './documents.ts';

export type LanguageName = 'python' | 'go' | 'java' | 'typescript';

/** Where the clients are generated and built: `<out>/<language>/<document>/`. */
export interface Workspace {
  /** The repository. */
  root: string;
  /** build/clients, or a temporary folder in tests. */
  out: string;
}

export const clientDir = (ws: Workspace, language: LanguageName, doc: ClientDocument): string => join(ws.out, language, doc.name);

interface LanguageBase {
  name: LanguageName;
  title: string;
  /** Why this machine cannot build or run this language's clients (and what to install), or undefined. */
  missing(): string | undefined;
  /** Compiles (or imports) the generated client; throws with the compiler's output. Resolves with
   * a note when the check was weakened for a known problem. */
  compile(ws: Workspace, doc: ClientDocument): Promise<string | undefined>;
  /** Builds and runs clients/<language>/'s flow program on the platform client; throws when it fails. */
  runFlow(ws: Workspace, doc: ClientDocument, env: Record<string, string>): Promise<string>;
}

/** A language whose client swagger-codegen generates from the OpenAPI 3.0.3 rendering. */
export interface SwaggerCodegenLanguage extends LanguageBase {
  /** swagger-codegen's arguments after `-i` and `-o`. */
  generatorArgs(root: string, doc: ClientDocument): string[];
  /** Files and folders the generated client must have, relative to its folder. */
  expected(doc: ClientDocument): string[];
}

/** A language with its own generator, which reads the OpenAPI 3.1 bundle. */
export interface OwnGeneratorLanguage extends LanguageBase {
  /** Generates the client into its folder; resolves with the number of files written, throws when
   * the generator fails or its output is not what the document should give. */
  generateClient(ws: Workspace, doc: ClientDocument): Promise<number>;
}

export type Language = SwaggerCodegenLanguage | OwnGeneratorLanguage;
