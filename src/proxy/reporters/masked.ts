// An exchange as the reporters write it: tokens masked as the conformance kit masks them, wherever
// they appear (AccessToken headers both ways, AuthToken in bodies, and any echo of either).
import { maskSecrets } from '../../conformance/mask.ts';
import type { Exchange } from '../types.ts';

function secretsOf(exchange: Exchange): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (/^(accesstoken|authtoken)$/i.test(key)) found.push(value);
    } else if (Array.isArray(value)) value.forEach((v) => visit(v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(exchange.request);
  visit(exchange.reply);
  return found;
}

export const masked = (exchange: Exchange): Exchange => maskSecrets(exchange, secretsOf(exchange));

export const verdictOf = (exchange: Exchange): 'pass' | 'fail' => (exchange.violations.length === 0 ? 'pass' : 'fail');

export const direction = (exchange: Exchange) => (exchange.leg === 'a-to-b' ? 'A → B' : 'B → A');
