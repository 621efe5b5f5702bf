// Creating an API token: the secret is returned once and never stored; `hzn_` marks it as
// Horizon's (secret scanners and people can tell what leaked).
import { insertApiToken, type ApiToken } from '@/lib/db/api-tokens';
import type { Scope } from './scope';
import { hashSecretToken, newSecretToken } from './secret-token';

export const API_TOKEN_PREFIX = 'hzn_';
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;

export async function createApiToken(scope: Scope, name: string): Promise<{ token: string; apiToken: ApiToken }> {
  const token = newSecretToken(API_TOKEN_PREFIX);
  const apiToken = await insertApiToken(scope, {
    name,
    tokenHash: hashSecretToken(token),
    prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
  });
  return { token, apiToken };
}
