import { buildOpenApiDocument } from '@/lib/api/openapi';
import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';

export const runtime = 'nodejs';

export const GET = apiRoute({ auth: 'none' }, async () => json(buildOpenApiDocument()));
