import { apiRoute } from '@/lib/api/route';
import { clearedSessionCookieHeader, sessionTokenFromCookieHeader } from '@/lib/auth/session-cookie';
import { endSession } from '@/lib/auth/sessions';

export const runtime = 'nodejs';

// Public so that a browser with an expired session can still clear its cookie.
export const POST = apiRoute({ auth: 'none' }, async ({ request }) => {
  const token = sessionTokenFromCookieHeader(request.headers.get('cookie'));
  if (token) await endSession(token);
  return new Response(null, { status: 204, headers: { 'set-cookie': clearedSessionCookieHeader(request) } });
});
