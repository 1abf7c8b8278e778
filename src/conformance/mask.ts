// Respect prints AccessTokens and AuthTokens in clear (it masks only inputs declared
// `format: password`); the kit's reports must not. Every token the kit made up or saw in an
// exchange is replaced, wherever it appears, by Respect's own mask.
import type { ConformanceResult } from './types.ts';

export const MASK = '********';

/** Tokens carried by the exchanges: AccessToken headers both ways, AuthToken in bodies. */
export function tokensIn(result: ConformanceResult): string[] {
  return tokensWithin(result.checks.map((check) => check.exchange));
}

/** The AccessToken and AuthToken values anywhere in `value`, under those names in any case. */
export function tokensWithin(value: unknown): string[] {
  const found: string[] = [];
  const visit = (item: unknown, key = ''): void => {
    if (typeof item === 'string') {
      if (/^(accesstoken|authtoken)$/i.test(key)) found.push(item);
    } else if (Array.isArray(item)) item.forEach((v) => visit(v));
    else if (item && typeof item === 'object') for (const [k, v] of Object.entries(item)) visit(v, k);
  };
  visit(value);
  return found;
}

export function maskSecrets<T>(value: T, secrets: readonly string[]): T {
  // Longest first, so a token containing another is replaced whole; short strings are no secrets.
  const list = [...new Set(secrets)].filter((s) => s.length >= 6 && s !== MASK).sort((a, b) => b.length - a.length);
  if (list.length === 0) return value;
  const mask = (text: string) => list.reduce((t, secret) => t.split(secret).join(MASK), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
