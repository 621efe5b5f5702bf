import { notFound } from '@/lib/api/errors';
import { noContent } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { deleteApiToken } from '@/lib/db/api-tokens';

export const runtime = 'nodejs';

// Revoking takes effect at once: the next request with the token gets 401.
export const DELETE = apiRoute({ params: idParams }, async ({ scope, params }) => {
  if (!(await deleteApiToken(scope, params.id))) throw notFound('token', params.id);
  return noContent();
});
