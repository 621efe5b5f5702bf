// Accounts end to end through the route handlers: sign-up (first account = admin, takes over the
// data stored before accounts), sign-in with the cookie it sets, sign-out, the rate limit, and API
// tokens (shown once, stored hashed, revocable). A database of its own, so "first" means first.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import {
  closeSignInLimits,
  FREE_FAILURES_PER_EMAIL,
  LIMIT_KEY_PREFIX,
  SIGN_IN_ATTEMPTS,
  SIGN_IN_ATTEMPTS_PER_ADDRESS,
  SIGN_UPS_PER_ADDRESS,
} from '@/lib/auth/sign-in-limit';
import { disconnectDb } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { call, callJson, type TestUser } from '@/test/api';
import { GET as listDatasets } from '../datasets/route';
import { DELETE as revokeToken } from '../tokens/[id]/route';
import { GET as listTokens, POST as createToken } from '../tokens/route';
import { GET as me } from './me/route';
import { POST as signIn } from './sign-in/route';
import { POST as signOut } from './sign-out/route';
import { POST as signUp } from './sign-up/route';

const baseUrl = process.env.DATABASE_URL!;
const dbName = `horizon_accounts_${process.pid}`;

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The cookie a Set-Cookie header sets, as a browser would send it back. */
function cookieFrom(response: Response): { header: string; attributes: string } {
  const setCookie = response.headers.get('set-cookie') ?? '';
  const [pair, ...attributes] = setCookie.split(';');
  return { header: pair.trim(), attributes: attributes.join(';') };
}

/** A caller identified only by the given headers (no default user). */
function withHeaders(headers: Record<string, string>): TestUser {
  return { headers } as TestUser;
}

const anonymous = { as: null } as const;
const PASSWORD = 'a long enough password';

let preAccountDatasetId: string;

beforeAll(async () => {
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  process.env.DATABASE_URL = url.toString();
  await applyMigrations(process.env.DATABASE_URL);
  // A dataset from before accounts: no owner.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  preAccountDatasetId = 'pre-accounts-dataset';
  await client.query("INSERT INTO datasets (id, name) VALUES ($1, 'Old data')", [preAccountDatasetId]);
  await client.end();
});

afterAll(async () => {
  await closeSignInLimits();
  await disconnectDb();
  process.env.DATABASE_URL = baseUrl;
  await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

describe('sign-up', () => {
  it('makes the first account the admin, gives it the pre-account data, and signs it in with the same credentials', async () => {
    const response = await call(signUp, {
      method: 'POST',
      body: { email: ' Ada@Example.com ', password: PASSWORD },
      ...anonymous,
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('set-cookie')).toBeNull();
    const signedIn = await call(signIn, {
      method: 'POST',
      body: { email: 'ada@example.com', password: PASSWORD },
      ...anonymous,
    });
    expect(signedIn.status).toBe(200);
    const { user } = await signedIn.json();
    expect(user).toEqual({ id: expect.any(String), email: 'ada@example.com', isAdmin: true });

    const cookie = cookieFrom(signedIn);
    expect(cookie.header).toMatch(/^horizon_session=[\w-]{43}$/);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Lax/);
    expect(cookie.attributes).toMatch(/Path=\//);
    expect(cookie.attributes).not.toMatch(/Secure/); // plain http here

    const ada = withHeaders({ cookie: cookie.header });
    expect((await callJson(me, { as: ada })).body.user).toEqual(user);
    const datasets = (await callJson(listDatasets, { as: ada })).body.datasets;
    expect(datasets.map((d: { id: string }) => d.id)).toEqual([preAccountDatasetId]);
  });

  it('makes later accounts ordinary users with nothing of anyone else', async () => {
    const response = await call(signUp, {
      method: 'POST',
      body: { email: 'bob@example.com', password: PASSWORD },
      ...anonymous,
    });
    expect(response.status).toBe(202);
    const signedIn = await call(signIn, {
      method: 'POST',
      body: { email: 'bob@example.com', password: PASSWORD },
      ...anonymous,
    });
    expect((await signedIn.json()).user.isAdmin).toBe(false);
    const bob = withHeaders({ cookie: cookieFrom(signedIn).header });
    expect((await callJson(listDatasets, { as: bob })).body.datasets).toEqual([]);
  });

  it('answers a taken email exactly as a free one, changes nothing, and refuses a bad email and a short password', async () => {
    const taken = await callJson(signUp, {
      method: 'POST',
      body: { email: 'ADA@example.com', password: 'another password' },
      ...anonymous,
    });
    const free = await callJson(signUp, {
      method: 'POST',
      body: { email: 'dave@example.com', password: 'another password' },
      ...anonymous,
    });
    expect(taken).toEqual(free);
    expect(taken.status).toBe(202);
    expect(taken.body.message).toMatch(/sign in with this email and password/);
    // Ada's password is still hers.
    const asAda = await call(signIn, {
      method: 'POST',
      body: { email: 'ada@example.com', password: 'another password' },
      ...anonymous,
    });
    expect(asAda.status).toBe(401);

    const bad = await callJson(signUp, {
      method: 'POST',
      body: { email: 'not-an-email', password: 'short' },
      ...anonymous,
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
    expect(bad.body.error.message).toMatch(/at least 8 characters/);
  });

  it('stores only an argon2id hash of the password and a SHA-256 of the session token', async () => {
    await call(signUp, { method: 'POST', body: { email: 'carol@example.com', password: PASSWORD }, ...anonymous });
    const response = await call(signIn, {
      method: 'POST',
      body: { email: 'carol@example.com', password: PASSWORD },
      ...anonymous,
    });
    const token = cookieFrom(response).header.split('=')[1];
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows: users } = await client.query("SELECT password_hash FROM users WHERE email = 'carol@example.com'");
    const { rows: sessions } = await client.query('SELECT token_hash FROM sessions');
    await client.end();
    expect(users[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(users[0].password_hash).not.toContain(PASSWORD);
    const hashes = sessions.map((row) => row.token_hash);
    expect(hashes).toContain(createHash('sha256').update(token).digest('hex'));
    expect(hashes).not.toContain(token);
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password, case-insensitively by email, and out again', async () => {
    const response = await call(signIn, {
      method: 'POST',
      body: { email: 'ADA@example.com', password: PASSWORD },
      ...anonymous,
    });
    expect(response.status).toBe(200);
    const cookie = cookieFrom(response).header;
    const ada = withHeaders({ cookie });
    expect((await callJson(me, { as: ada })).body.user.email).toBe('ada@example.com');

    const out = await call(signOut, { method: 'POST', as: ada });
    expect(out.status).toBe(204);
    expect(cookieFrom(out).attributes).toMatch(/Max-Age=0/);
    // The session is gone on the server, not just the cookie in the browser.
    const after = await callJson(me, { as: ada });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await callJson(signIn, {
      method: 'POST',
      body: { email: 'bob@example.com', password: 'wrong password' },
      ...anonymous,
    });
    const unknown = await callJson(signIn, {
      method: 'POST',
      body: { email: 'nobody@example.com', password: PASSWORD },
      ...anonymous,
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it(`allows ${SIGN_IN_ATTEMPTS} attempts per email and address, then answers 429 with Retry-After`, async () => {
    const attempt = () =>
      call(signIn, {
        method: 'POST',
        body: { email: 'carol@example.com', password: 'guess' },
        headers: { 'x-forwarded-for': '203.0.113.7' },
        ...anonymous,
      });
    for (let i = 0; i < SIGN_IN_ATTEMPTS; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('too_many_requests');
    // Even the right password waits: the limit is on attempts, not on failures only.
    const right = await call(signIn, {
      method: 'POST',
      body: { email: 'carol@example.com', password: PASSWORD },
      headers: { 'x-forwarded-for': '203.0.113.7' },
      ...anonymous,
    });
    expect(right.status).toBe(429);
    // Another address is not held up.
    const elsewhere = await call(signIn, {
      method: 'POST',
      body: { email: 'carol@example.com', password: PASSWORD },
      headers: { 'x-forwarded-for': '198.51.100.1' },
      ...anonymous,
    });
    expect(elsewhere.status).toBe(200);
  });
});

describe('sign-in protection without lock-out', () => {
  const attempt = (email: string, password: string, address: string) =>
    call(signIn, { method: 'POST', body: { email, password }, headers: { 'x-forwarded-for': address }, ...anonymous });

  it('slows down, but never blocks, an email guessed at from rotating addresses', async () => {
    await call(signUp, { method: 'POST', body: { email: 'erin@example.com', password: PASSWORD }, ...anonymous });
    const guesses = FREE_FAILURES_PER_EMAIL + 4;
    for (let i = 0; i < guesses; i++) {
      // One try per address: no address reaches its own limit.
      expect((await attempt('erin@example.com', `guess ${i}`, `192.0.2.${i + 1}`)).status).toBe(401);
    }
    // The owner, from their own address, gets in: after a wait, not a 429.
    const started = performance.now();
    const owner = await attempt('erin@example.com', PASSWORD, '198.51.100.77');
    const waitedMs = performance.now() - started;
    expect(owner.status).toBe(200);
    expect(waitedMs).toBeGreaterThanOrEqual((guesses - FREE_FAILURES_PER_EMAIL + 1) * 250 - 50);
    // Signing in cleared the failures: the next attempt is not slowed.
    const next = performance.now();
    expect((await attempt('erin@example.com', PASSWORD, '198.51.100.77')).status).toBe(200);
    expect(performance.now() - next).toBeLessThan(1_000);
  });

  it(`limits one address to ${SIGN_IN_ATTEMPTS_PER_ADDRESS} attempts over all emails, and keeps the counts in Redis`, async () => {
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_ADDRESS; i++) {
      expect((await attempt(`stranger${i}@example.com`, 'guess', '203.0.113.99')).status).toBe(401);
    }
    const limited = await attempt('stranger-last@example.com', 'guess', '203.0.113.99');
    expect(limited.status).toBe(429);
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const keys = await redis.keys(`${LIMIT_KEY_PREFIX}:*`);
      expect(keys.some((key) => key.includes('signin-address') && key.includes('203.0.113.99'))).toBe(true);
      expect(keys.some((key) => key.includes('signin-failures') && key.includes('stranger0@example.com'))).toBe(true);
    } finally {
      redis.disconnect();
    }
  });

  it(`limits sign-ups to ${SIGN_UPS_PER_ADDRESS} per address and hour`, async () => {
    const signUpFrom = (i: number) =>
      call(signUp, {
        method: 'POST',
        body: { email: `many${i}@example.com`, password: PASSWORD },
        headers: { 'x-forwarded-for': '203.0.113.200' },
        ...anonymous,
      });
    for (let i = 0; i < SIGN_UPS_PER_ADDRESS; i++) expect((await signUpFrom(i)).status).toBe(202);
    const limited = await signUpFrom(SIGN_UPS_PER_ADDRESS);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('API tokens', () => {
  it('are shown once, work as Bearer tokens, are listed without the secret and stop working when revoked', async () => {
    const signedIn = await call(signIn, {
      method: 'POST',
      body: { email: 'bob@example.com', password: PASSWORD },
      ...anonymous,
    });
    const bob = withHeaders({ cookie: cookieFrom(signedIn).header });

    const created = await callJson(createToken, { method: 'POST', body: { name: 'nightly export' }, as: bob });
    expect(created.status).toBe(201);
    const { token, apiToken } = created.body;
    expect(token).toMatch(/^hzn_[\w-]{43}$/);
    expect(apiToken).toEqual({
      id: expect.any(String),
      name: 'nightly export',
      prefix: token.slice(0, 10),
      createdAt: expect.any(String),
      lastUsedAt: null,
    });

    const script = withHeaders({ authorization: `Bearer ${token}` });
    const viaToken = await callJson(me, { as: script });
    expect(viaToken.status).toBe(200);
    expect(viaToken.body.user.email).toBe('bob@example.com');

    const listed = await call(listTokens, { as: bob });
    const text = await listed.text();
    expect(text).not.toContain(token);
    expect(JSON.parse(text).tokens[0]).toMatchObject({ id: apiToken.id, lastUsedAt: expect.any(String) });

    expect((await call(revokeToken, { method: 'DELETE', params: { id: apiToken.id }, as: bob })).status).toBe(204);
    expect((await call(me, { as: script })).status).toBe(401);
    expect((await call(revokeToken, { method: 'DELETE', params: { id: apiToken.id }, as: bob })).status).toBe(404);
  });

  it('need a name', async () => {
    const signedIn = await call(signIn, {
      method: 'POST',
      body: { email: 'bob@example.com', password: PASSWORD },
      ...anonymous,
    });
    const bob = withHeaders({ cookie: cookieFrom(signedIn).header });
    const unnamed = await callJson(createToken, { method: 'POST', body: { name: '  ' }, as: bob });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.message).toMatch(/name/);
  });
});
