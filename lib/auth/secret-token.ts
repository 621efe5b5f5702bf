// Random bearer secrets (session cookies and API tokens) and the hashes stored in their place.
// 32 random bytes need no slow hash: SHA-256 is enough to make a leaked table useless, and it lets
// every request find its session with one indexed lookup.
import { createHash, randomBytes } from 'node:crypto';

/** `prefix` + 43 URL-safe characters (256 random bits). */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
