// AccessTokens (clause 6.6.1.2): 256 random bits, handed out once and stored only as a hash.
import { createHash, randomBytes } from 'node:crypto';

export function newAccessToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
