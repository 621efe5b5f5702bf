// The checks apiRoute runs before any handler, through real route handlers on real PostgreSQL:
// CSRF (Content-Type and Origin of state-changing requests; API tokens exempt; sign-in and sign-up
// included), the streamed JSON body limit, Cache-Control on authenticated answers, and the
// session cookie re-sent when a request extends the session.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/api-tokens';
import { hashSecretToken } from '@/lib/auth/secret-token';
import { closeSignInLimits } from '@/lib/auth/sign-in-limit';
import { disconnectDb, getPool } from '@/lib/db/client';
import { BASE, call, csvForm, dailyCsv, defaultUser, signedInUser } from '@/test/api';
import { POST as signIn } from './auth/sign-in/route';
import { POST as signUp } from './auth/sign-up/route';
import { GET as me } from './auth/me/route';
import { POST as upload } from './datasets/route';
import { GET as health } from './health/route';
import { GET as listTokens, POST as createToken } from './tokens/route';

afterEach(() => {
  delete process.env.HORIZON_MAX_JSON_KB;
  delete process.env.HORIZON_ORIGIN;
});

afterAll(async () => {
  await closeSignInLimits();
  await disconnectDb();
});

async function tokenCount(userId: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    'SELECT count(*)::int AS n FROM api_tokens WHERE user_id = $1',
    [userId],
  );
  return rows[0].n;
}

describe('CSRF', () => {
  it('refuses a cookie-authenticated text/plain body, as a cross-site form sends it', async () => {
    const user = await signedInUser('csrf-type');
    const response = await call(createToken, {
      method: 'POST',
      as: user,
      headers: { 'content-type': 'text/plain' },
      body: undefined,
      origin: 'http://evil.example',
    });
    expect(response.status).toBe(415);
    // A text/plain body with the same origin is refused too: the type is checked first.
    const sameOrigin = await call(createToken, {
      method: 'POST',
      as: user,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(sameOrigin.status).toBe(415);
    expect((await sameOrigin.json()).error).toMatchObject({
      code: 'unsupported_media_type',
      message: expect.stringMatching(/application\/json/),
    });
    expect(await tokenCount(user.user.id)).toBe(0);
  });

  it('refuses a cookie-authenticated JSON request from another origin, or from nowhere', async () => {
    const user = await signedInUser('csrf-origin');
    for (const origin of ['http://evil.example', 'http://horizon.test:4000', 'null', null]) {
      const response = await call(createToken, { method: 'POST', as: user, body: { name: 'forged' }, origin });
      expect(response.status, String(origin)).toBe(403);
      expect((await response.json()).error.code).toBe('cross_origin_request');
    }
    // Another site's page says so in Sec-Fetch-Site when it sends no Origin.
    const crossSite = await call(createToken, {
      method: 'POST',
      as: user,
      body: { name: 'forged' },
      origin: null,
      headers: { 'sec-fetch-site': 'same-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(await tokenCount(user.user.id)).toBe(0);
  });

  it("accepts Horizon's own pages: a matching Origin, Host, X-Forwarded-Host or Sec-Fetch-Site", async () => {
    const user = await signedInUser('csrf-own');
    const own = await call(createToken, { method: 'POST', as: user, body: { name: 'origin' } });
    expect(own.status).toBe(201);
    const byHost = await call(createToken, {
      method: 'POST',
      as: user,
      body: { name: 'host' },
      origin: 'http://dash.example:8080',
      headers: { host: 'dash.example:8080' },
    });
    expect(byHost.status).toBe(201);
    const proxied = await call(createToken, {
      method: 'POST',
      as: user,
      body: { name: 'proxied' },
      origin: 'https://horizon.example.org',
      headers: { host: 'localhost:3000', 'x-forwarded-host': 'horizon.example.org', 'x-forwarded-proto': 'https' },
    });
    expect(proxied.status).toBe(201);
    const fetchMetadata = await call(createToken, {
      method: 'POST',
      as: user,
      body: { name: 'metadata' },
      origin: null,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(fetchMetadata.status).toBe(201);
    expect(await tokenCount(user.user.id)).toBe(4);
  });

  it('uses HORIZON_ORIGIN when set, instead of the Host header', async () => {
    const user = await signedInUser('csrf-configured');
    process.env.HORIZON_ORIGIN = 'https://forecasts.example.com';
    const wrong = await call(createToken, { method: 'POST', as: user, body: { name: 'x' } });
    expect(wrong.status).toBe(403);
    const right = await call(createToken, {
      method: 'POST',
      as: user,
      body: { name: 'x' },
      origin: 'https://forecasts.example.com',
    });
    expect(right.status).toBe(201);
  });

  it('exempts API tokens, which a browser never sends by itself', async () => {
    const user = await signedInUser('csrf-bearer');
    const { token } = await createApiToken(user.scope, 'script');
    const response = await call(createToken, {
      method: 'POST',
      as: null,
      body: { name: 'from a script' },
      origin: null,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(201);
  });

  it('guards sign-in and sign-up against login CSRF', async () => {
    const victim = await signedInUser('csrf-login');
    const credentials = { email: victim.email, password: victim.password };
    const crossSite = await call(signIn, {
      method: 'POST',
      as: null,
      body: credentials,
      origin: 'http://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
    const form = await call(signIn, {
      method: 'POST',
      as: null,
      headers: { 'content-type': 'text/plain' },
      body: undefined,
    });
    expect(form.status).toBe(415);
    const signUpCrossSite = await call(signUp, {
      method: 'POST',
      as: null,
      body: { email: 'new-csrf@horizon.test', password: 'a long enough password' },
      origin: 'http://evil.example',
    });
    expect(signUpCrossSite.status).toBe(403);
    const own = await call(signIn, { method: 'POST', as: null, body: credentials });
    expect(own.status).toBe(200);
  });

  it('wants multipart on upload routes', async () => {
    const json = await call(upload, { method: 'POST', body: { file: 'date,value' } });
    expect(json.status).toBe(415);
    const crossSite = await call(upload, {
      method: 'POST',
      body: csvForm(dailyCsv(30)),
      origin: 'http://evil.example',
    });
    expect(crossSite.status).toBe(403);
  });
});

describe('JSON body limit', () => {
  it('answers 413 from Content-Length without reading the body', async () => {
    process.env.HORIZON_MAX_JSON_KB = '1';
    const { headers } = await defaultUser();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request(`${BASE}/api/tokens`, {
      method: 'POST',
      body,
      headers: {
        ...headers,
        origin: BASE,
        'content-type': 'application/json',
        'content-length': String(200 * 1024 * 1024),
      },
      duplex: 'half',
    } as RequestInit);
    const response = await createToken(request);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({
      code: 'body_too_large',
      message: expect.stringMatching(/HORIZON_MAX_JSON_KB/),
    });
    expect(pulled).toBeLessThanOrEqual(2);
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    process.env.HORIZON_MAX_JSON_KB = '64';
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    const request = new Request(`${BASE}/api/auth/sign-in`, {
      method: 'POST',
      body,
      headers: { origin: BASE, 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    const response = await signIn(request);
    expect(response.status).toBe(413);
    // An endless body: reading stopped a few chunks past 64 KB.
    expect(sent).toBeLessThan(256 * 1024);
  });

  it('accepts a body under the limit', async () => {
    process.env.HORIZON_MAX_JSON_KB = '1';
    const response = await call(createToken, { method: 'POST', body: { name: 'small' } });
    expect(response.status).toBe(201);
  });
});

describe('authenticated answers', () => {
  it('are Cache-Control: no-store, errors included; public ones are left alone', async () => {
    const listed = await call(listTokens);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    const refused = await call(listTokens, { as: null });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const open = await call(health, { as: null });
    expect(open.headers.get('cache-control')).toBeNull();
  });

  it('re-send the session cookie when the request extends the session', async () => {
    const user = await signedInUser('renew');
    // Fresh session: nothing to extend, no cookie.
    const fresh = await call(me, { as: user });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('set-cookie')).toBeNull();
    // Ten days left of thirty: past half its life, so it is extended and the browser told.
    await getPool().query("UPDATE sessions SET expires_at = now() + interval '10 days' WHERE token_hash = $1", [
      hashSecretToken(user.sessionToken),
    ]);
    const renewed = await call(me, { as: user });
    expect(renewed.status).toBe(200);
    const cookie = renewed.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^horizon_session=${user.sessionToken};`));
    expect(cookie).toMatch(/HttpOnly/);
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(29 * 86_400);
    const { rows } = await getPool().query<{ expires_at: Date }>(
      'SELECT expires_at FROM sessions WHERE token_hash = $1',
      [hashSecretToken(user.sessionToken)],
    );
    expect(rows[0].expires_at.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });
});
