// The signed-in user for server components (pages and the layout). proxy.ts already sent visitors
// without a session cookie to /sign-in; this is the real check, against the sessions table.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { AuthUser } from './scope';
import { SESSION_COOKIE } from './session-cookie';
import { userOfSession } from './sessions';

/** Null when signed out or the session has expired or was ended. One lookup per request (layout and page share it). */
export const getPageUser = cache(async (): Promise<AuthUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? userOfSession(token) : null;
});

/** The user, or a redirect to /sign-in (which returns to `returnTo` afterwards). */
export async function requirePageUser(returnTo?: string): Promise<AuthUser> {
  const user = await getPageUser();
  if (!user) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : '/sign-in');
  return user;
}
