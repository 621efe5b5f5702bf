import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { signUpBody } from '@/lib/api/schemas/auth';
import { createAccount } from '@/lib/auth/accounts';
import { sessionCookieHeader } from '@/lib/auth/session-cookie';
import { startSession } from '@/lib/auth/sessions';

export const runtime = 'nodejs';

// A new account is signed in at once.
export const POST = apiRoute({ auth: 'none', body: signUpBody }, async ({ request, body }) => {
  const { user } = await createAccount(body);
  const session = await startSession(user.id);
  return json({ user }, 201, { 'set-cookie': sessionCookieHeader(request, session.token, session.expiresAt) });
});
