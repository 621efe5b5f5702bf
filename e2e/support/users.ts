// Accounts for the e2e suite. The `setup` project (e2e/auth.setup.ts) signs up, once per run, one
// user per spec file and saves each one's cookie; e2e/support/test.ts starts every test of a spec
// signed in as that file's user, so one spec's datasets and runs never show in another's lists,
// as with real separate accounts. Specs on the plain Playwright `test` get E2E_USER
// (SIGNED_IN_STATE, set in playwright.config.ts). Specs about accounts make more users with signUpVia.
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';

export interface Credentials {
  email: string;
  password: string;
}

/** Each e2e server starts with an empty database, so a fixed email is free on every run. */
export const E2E_USER: Credentials = { email: 'e2e-user@horizon.test', password: 'e2e password 123' };

const statePath = (name: string) => join(tmpdir(), `horizon-e2e-${process.env.HORIZON_E2E_PORT ?? 3107}-${name}.json`);

/** The signed-in browser state of E2E_USER, per e2e port so parallel suites on other ports do not share it. */
export const SIGNED_IN_STATE = statePath('user');

/** `e2e/journey.spec.ts` → `journey` */
function specName(specFile: string): string {
  return basename(specFile).replace(/\.spec\.ts$/, '');
}

/** The user a spec file runs as. */
export function specUser(specFile: string): Credentials {
  return { email: `e2e-${specName(specFile)}@horizon.test`, password: E2E_USER.password };
}

/** Where the signed-in state of a spec file's user is saved. */
export function signedInStateFor(specFile: string): string {
  return statePath(`spec-${specName(specFile)}`);
}

/**
 * Headers for a context made with playwright.request.newContext, which does not take the config's
 * `use` options: the Origin the CSRF check wants on state-changing requests (see README).
 */
export function sameOriginHeaders(baseURL: string | undefined): { extraHTTPHeaders: Record<string, string> } {
  return { extraHTTPHeaders: baseURL ? { origin: new URL(baseURL).origin } : {} };
}

/** No cookies at all: for `test.use({ storageState: SIGNED_OUT })` in specs that start signed out. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** Fresh credentials nobody has used. */
export function newCredentials(label: string): Credentials {
  return { email: `${label}-${randomUUID().slice(0, 8)}@horizon.test`, password: `${label} password 123` };
}

/** Signs up and in through the API, as the sign-up page does; `request` (a page's or context's) keeps the session cookie. */
export async function signUpVia(request: APIRequestContext, credentials: Credentials): Promise<void> {
  const response = await request.post('/api/auth/sign-up', { data: credentials });
  expect(response.status(), await response.text()).toBe(202);
  const signedIn = await request.post('/api/auth/sign-in', { data: credentials });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
}
