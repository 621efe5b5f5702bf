import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { signInBody } from '@/lib/api/schemas/auth';
import { checkCredentials } from '@/lib/auth/accounts';
import { sessionCookieHeader } from '@/lib/auth/session-cookie';
import { startSession } from '@/lib/auth/sessions';
import { clientAddress } from '@/lib/auth/sign-in-limit';

export const runtime = 'nodejs';

export const POST = apiRoute({ auth: 'none', body: signInBody }, async ({ request, body }) => {
  const user = await checkCredentials(body, clientAddress(request));
  const session = await startSession(user.id);
  return json({ user }, 200, { 'set-cookie': sessionCookieHeader(request, session.token, session.expiresAt) });
});
