// The account that owns the demo data `npm start` loads. Its password is random, made on the
// first start and kept in a file beside the embedded database (readable by its owner only), so
// every start can print it next to the URL without the database storing anything but a hash.
// It is never the admin: the first person to sign up is.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { AuthUser } from '@/lib/auth/scope';
import { findUserByEmailAsSystem, insertUserAsSystem, setPasswordHashAsSystem } from '@/lib/db/users';

export const DEMO_EMAIL = 'demo@horizon.local';

export interface DemoAccount {
  user: AuthUser;
  email: string;
  password: string;
}

async function savedPassword(file: string): Promise<string | null> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { password?: unknown };
    return typeof saved.password === 'string' ? saved.password : null;
  } catch {
    return null;
  }
}

/**
 * The demo account, created on first use. When `credentialsFile` is missing or out of date (a
 * new data folder against an old DATABASE_URL, say), the password is reset and the file rewritten.
 */
export async function ensureDemoAccount(credentialsFile: string): Promise<DemoAccount> {
  const existing = await findUserByEmailAsSystem(DEMO_EMAIL);
  const saved = await savedPassword(credentialsFile);
  if (existing && saved && (await verifyPassword(existing.passwordHash, saved))) {
    return { user: existing, email: DEMO_EMAIL, password: saved };
  }
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  let user: AuthUser;
  if (existing) {
    await setPasswordHashAsSystem(existing.id, passwordHash);
    user = existing;
  } else {
    user = (await insertUserAsSystem({ email: DEMO_EMAIL, passwordHash, neverAdmin: true })).user;
  }
  await mkdir(dirname(credentialsFile), { recursive: true });
  await writeFile(credentialsFile, `${JSON.stringify({ email: DEMO_EMAIL, password }, null, 2)}\n`, { mode: 0o600 });
  return { user: { id: user.id, email: user.email, isAdmin: user.isAdmin }, email: DEMO_EMAIL, password };
}
