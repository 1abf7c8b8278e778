// An exchange as the reporters write it: tokens masked as the conformance kit masks them, wherever
// they appear (AccessToken headers both ways, AuthToken in bodies, and any echo of either).
import { maskSecrets, tokensWithin } from '../../conformance/mask.ts';
import type { Exchange } from '../types.ts';

export const masked = (exchange: Exchange): Exchange => maskSecrets(exchange, tokensWithin([exchange.request, exchange.reply]));

export const verdictOf = (exchange: Exchange): 'pass' | 'fail' => (exchange.violations.length === 0 ? 'pass' : 'fail');

export const direction = (exchange: Exchange) => (exchange.leg === 'a-to-b' ? 'A → B' : 'B → A');
