// The session cookie: httpOnly (no script can read it), SameSite=Lax (not sent on cross-site
// POSTs, which is Horizon's CSRF defence together with JSON-only APIs), Secure when served over
// https. proxy.ts only checks that it is present; lib/auth/authenticate.ts checks that it is valid.

export const SESSION_COOKIE = 'horizon_session';
export const SESSION_DAYS = 30;

/** True when the request reached us over https, directly or through a proxy that says so. */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(':', '')) === 'https';
}

function cookieAttributes(request: Request, maxAgeSeconds: number): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (isHttps(request)) attributes.push('Secure');
  return attributes.join('; ');
}

export function sessionCookieHeader(request: Request, token: string, expiresAt: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${token}; ${cookieAttributes(request, maxAge)}`;
}

export function clearedSessionCookieHeader(request: Request): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(request, 0)}`;
}

/** The session token from a Cookie header, if any. */
export function sessionTokenFromCookieHeader(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}
