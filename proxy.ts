// The cheap check in front of every page but the public ones: no session cookie → /sign-in,
// remembering where the visitor was going. It does not look the session up (that would be a
// database call per request); pages do the real check with lib/auth/page-user.ts, and API
// routes with lib/api/route.ts.
import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';

/** Pages anyone may open (`/` shows signed-out visitors what Horizon is). */
const PUBLIC_PAGES = ['/', '/sign-in', '/sign-up', '/docs/api'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.includes(pathname) || request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('next', pathname + search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves, and static files need no session.
  matcher: [
    '/((?!api/|_next/static|_next/image|favicon\\.ico|icon\\.svg|.*\\.(?:png|svg|jpg|ico|txt|webmanifest)$).*)',
  ],
};
