import { describe, expect, it } from 'vitest';
import {
  clearedSessionCookieHeader,
  isHttps,
  SESSION_COOKIE,
  sessionCookieHeader,
  sessionTokenFromCookieHeader,
} from './session-cookie';

describe('the session cookie', () => {
  const inAMonth = new Date(Date.now() + 30 * 86_400_000);

  it('is httpOnly, SameSite=Lax, site-wide, and Secure only over https', () => {
    const plain = sessionCookieHeader(new Request('http://localhost:3000/api/auth/sign-in'), 'abc', inAMonth);
    expect(plain).toMatch(new RegExp(`^${SESSION_COOKIE}=abc; `));
    expect(plain).toContain('HttpOnly');
    expect(plain).toContain('SameSite=Lax');
    expect(plain).toContain('Path=/');
    expect(plain).toMatch(/Max-Age=259\d{4}/);
    expect(plain).not.toContain('Secure');

    expect(sessionCookieHeader(new Request('https://horizon.example/api/auth/sign-in'), 'abc', inAMonth)).toContain(
      'Secure',
    );
    // Behind a TLS-terminating proxy the app sees http, the proxy says https.
    const proxied = new Request('http://127.0.0.1:3000/api/auth/sign-in', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(isHttps(proxied)).toBe(true);
    expect(sessionCookieHeader(proxied, 'abc', inAMonth)).toContain('Secure');
  });

  it('is cleared with an empty value that expires at once', () => {
    expect(clearedSessionCookieHeader(new Request('http://localhost/'))).toMatch(
      new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`),
    );
  });

  it('is found among other cookies', () => {
    expect(sessionTokenFromCookieHeader(`theme=dark; ${SESSION_COOKIE}=tok-en_1; other=x`)).toBe('tok-en_1');
    expect(sessionTokenFromCookieHeader('theme=dark')).toBeNull();
    expect(sessionTokenFromCookieHeader(`${SESSION_COOKIE}=`)).toBeNull();
    expect(sessionTokenFromCookieHeader(null)).toBeNull();
  });
});
