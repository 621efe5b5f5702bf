// API tokens for scripts. The token itself is shown once at creation; only its SHA-256 and a short
// prefix (to tell tokens apart in the list) are stored. Revoking deletes the row.
import type { AuthUser, Scope } from '@/lib/auth/scope';
import { getPrisma } from './client';
import type { ApiToken as ApiTokenRow } from './generated/prisma/client';
import { toAuthUser } from './users';

/** The `ApiToken` shape of docs/api.md (never the secret). */
export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

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

/** The token's user, or null for an unknown (or revoked) token. */
export async function findApiTokenUser(tokenHash: string): Promise<AuthUser | null> {
  const row = await getPrisma().apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, lastUsedAt: true, user: { select: { id: true, email: true, isAdmin: true } } },
  });
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await getPrisma().apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return toAuthUser(row.user);
}
