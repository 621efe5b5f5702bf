import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { createTokenBody } from '@/lib/api/schemas/auth';
import { createApiToken } from '@/lib/auth/api-tokens';
import { listApiTokens } from '@/lib/db/api-tokens';

export const runtime = 'nodejs';

export const GET = apiRoute({}, async ({ scope }) => json({ tokens: await listApiTokens(scope) }));

// The only answer that ever contains the token itself.
export const POST = apiRoute({ body: createTokenBody }, async ({ scope, body }) => {
  const { token, apiToken } = await createApiToken(scope, body.name);
  return json({ token, apiToken }, 201);
});
