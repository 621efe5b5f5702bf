// How the ingest benchmark authenticates: an account and an API token made directly in its own
// server's database (as sign-up does), sent as a Bearer token. The one place to change if
// authentication changes.
import { createApiToken } from '@/lib/auth/api-tokens';
import { createAccount } from '@/lib/auth/accounts';
import { scopeOf } from '@/lib/auth/scope';
import { disconnectDb } from '@/lib/db/client';

/**
 * Headers that authenticate requests to the server using `databaseUrl`. lib/db keeps one pool per
 * process, bound to DATABASE_URL when first used: it is pointed at this database for the call and
 * closed afterwards, so other bench sections keep theirs.
 */
export async function benchAuthHeaders(databaseUrl: string): Promise<Record<string, string>> {
  const previousUrl = process.env.DATABASE_URL;
  await disconnectDb();
  process.env.DATABASE_URL = databaseUrl;
  try {
    const { user } = await createAccount({ email: `bench-ingest-${Date.now()}@horizon.test`, password: 'bench password 123' });
    const { token } = await createApiToken(scopeOf(user), 'ingest benchmark');
    return { authorization: `Bearer ${token}` };
  } finally {
    await disconnectDb();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}
