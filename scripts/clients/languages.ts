// Every language the clients are generated and tested in, by name.
import { go } from './go.ts';
import { java } from './java.ts';
import type { Language } from './language.ts';
import { python } from './python.ts';
import { typescript } from './typescript.ts';

export const LANGUAGES: readonly Language[] = [python, go, java, typescript];

/** The languages named on a command line (all when none), or an error naming the unknown ones. */
export function languagesNamed(names: readonly string[]): Language[] {
  if (!names.length) return [...LANGUAGES];
  const unknown = names.filter((n) => !LANGUAGES.some((l) => l.name === n));
  if (unknown.length) throw new Error(`unknown language ${unknown.join(', ')}; known: ${LANGUAGES.map((l) => l.name).join(', ')}`);
  return LANGUAGES.filter((l) => names.includes(l.name));
}
