// Runs before the specs (the `setup` project): signs up E2E_USER and one user per spec file, and
// saves each one's session cookie for the specs to start with (see e2e/support/users.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as setup } from '@playwright/test';
import {
  E2E_USER,
  sameOriginHeaders,
  SIGNED_IN_STATE,
  SIGNED_OUT,
  signedInStateFor,
  signUpVia,
  specUser,
  type Credentials,
} from './support/users';

const specFiles = readdirSync(join(process.cwd(), 'e2e')).filter((name) => name.endsWith('.spec.ts'));

setup('sign up the e2e users', async ({ playwright, baseURL }) => {
  const accounts: [Credentials, string][] = [
    [E2E_USER, SIGNED_IN_STATE],
    ...specFiles.map((file): [Credentials, string] => [specUser(file), signedInStateFor(file)]),
  ];
  for (const [credentials, path] of accounts) {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: SIGNED_OUT,
      ...sameOriginHeaders(baseURL),
    });
    await signUpVia(request, credentials);
    await request.storageState({ path });
    await request.dispose();
  }
});
