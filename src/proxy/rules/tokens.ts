// Tokens across messages (7.1.2, 7.1.3): an AccessToken the proxy saw logged out, or whose user it
// saw unregistered, must be refused afterwards. The proxy learns tokens from login replies (the
// AccessToken header, with the user's userID) and their end from logout and unregister replies.
import type { LinkState } from '../link-state.ts';
import { tokenKey } from '../link-state.ts';
import type { Exchange, Violation } from '../types.ts';
import { rules } from './catalog.ts';
import { accepted, found, replyBody, when } from './messages.ts';

export function tokenRules(exchange: Exchange, state: LinkState): Violation[] {
  if (exchange.leg !== 'a-to-b' || !exchange.reply) return [];
  const violations: Violation[] = [];
  const token = exchange.request.headers.accesstoken;
  const facts = token === undefined ? undefined : state.tokens.get(tokenKey(token));
  if (facts && facts.state !== 'live' && accepted(exchange)) {
    const rule = facts.state === 'logged-out' ? rules.tokenAfterLogout : rules.tokenAfterUnregister;
    const ended = facts.state === 'logged-out' ? 'logged out' : 'its user unregistered';
    violations.push(found(rule, `${exchange.operationId ?? exchange.path} accepted (RetCode 200) an AccessToken ${ended} at ${when(facts.at)}`));
  }
  if (!accepted(exchange)) return violations;
  switch (exchange.operationId) {
    case 'user_login': {
      const issued = exchange.reply.headers.accesstoken;
      const user = (replyBody(exchange).User as { UserBase?: { userID?: unknown } }[] | undefined)?.[0]?.UserBase?.userID;
      if (issued !== undefined) state.setToken(issued, { userId: typeof user === 'string' ? user : undefined, state: 'live', at: exchange.at });
      break;
    }
    case 'user_logout':
      if (token !== undefined) state.setToken(token, { userId: facts?.userId, state: 'logged-out', at: exchange.at });
      break;
    case 'user_unregister': {
      if (token !== undefined) state.setToken(token, { userId: facts?.userId, state: 'unregistered', at: exchange.at });
      const userId = facts?.userId;
      if (userId === undefined) break;
      for (const key of state.userTokens.get(userId) ?? []) state.tokens.set(key, { userId, state: 'unregistered', at: exchange.at });
      state.forgetUser(userId, exchange.at);
      break;
    }
  }
  return violations;
}
