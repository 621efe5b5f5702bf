import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/response';
import { checkHealth, isHealthy } from '@/lib/health/check-health';

export const runtime = 'nodejs';

export const GET = apiRoute({ auth: 'none' }, async () => {
  const health = await checkHealth();
  return json(health, isHealthy(health) ? 200 : 503);
});
