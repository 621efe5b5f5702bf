// API tokens for scripts. The token itself is shown once at creation; only its SHA-256 and a short
// prefix (to tell tokens apart in the list) are stored. Revoking deletes the row.
import type { ApiToken } from '@/lib/api/schemas/responses';
import type { AuthUser, Scope } from './scope';
import { getPool, getPrisma } from './client';
import type { ApiToken as ApiTokenRow } from './generated/prisma/client';
import { toAuthUser } from './users';

export type { ApiToken };

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export interface NewApiToken {
  name: string;
  tokenHash: string;
  prefix: string;
}

export async function insertApiToken(scope: Scope, { name, tokenHash, prefix }: NewApiToken): Promise<ApiToken> {
  return toApiToken(await getPrisma().apiToken.create({ data: { userId: scope.userId, name, tokenHash, prefix } }));
}

/** Newest first. */
export async function listApiTokens(scope: Scope): Promise<ApiToken[]> {
  const rows = await getPrisma().apiToken.findMany({
    where: { userId: scope.userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(toApiToken);
}

/** False when the user has no token with this id. */
export async function deleteApiToken(scope: Scope, id: string): Promise<boolean> {
  const { count } = await getPrisma().apiToken.deleteMany({ where: { id, userId: scope.userId } });
  return count === 1;
}

// Writing lastUsedAt on every request would turn each read into a write: once a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The token's user, or null for an unknown (or revoked) token. Runs before every API request a
 * script makes, so it is one joined query on the pool rather than Prisma's query pipeline.
 */
export async function findApiTokenUserAsSystem(tokenHash: string): Promise<AuthUser | null> {
  const { rows } = await getPool().query<{
    token_id: string;
    last_used_at: Date | null;
    id: string;
    email: string;
    isAdmin: boolean;
  }>({
    // Named: prepared once per pool connection, so PostgreSQL does not plan it on every request.
    name: 'api-token-user',
    text: `SELECT t.id AS token_id, t.last_used_at, u.id, u.email, u.is_admin AS "isAdmin"
               FROM api_tokens t JOIN users u ON u.id = t.user_id
              WHERE t.token_hash = $1`,
    values: [tokenHash],
  });
  const row = rows[0];
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await getPool().query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [row.token_id, new Date()]);
  }
  return toAuthUser(row);
}
