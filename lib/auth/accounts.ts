// Sign-up and sign-in. Both answer the same way for an unknown email and a wrong password, so
// the API does not reveal which emails have accounts.
import { tooManyRequests, unauthorized, conflict } from '@/lib/api/errors';
import { EmailTakenError, findUserByEmail, insertUser, normalizeEmail } from '@/lib/db/users';
import { hashPassword, spendPasswordCheck, verifyPassword } from './password';
import type { AuthUser } from './scope';
import { clearSignInAttempts, takeSignInAttempt } from './sign-in-limit';

export interface Credentials {
  email: string;
  password: string;
}

/** A new account; the first one of an install is the admin (and owns the pre-account data). */
export async function createAccount({ email, password }: Credentials): Promise<{ user: AuthUser; claimedDatasets: number }> {
  try {
    return await insertUser({ email, passwordHash: await hashPassword(password) });
  } catch (error) {
    if (error instanceof EmailTakenError) throw conflict(`${error.message} Sign in instead, or use another email.`);
    throw error;
  }
}

/** The account, or a 401 "wrong email or password" / 429 "too many attempts" ApiError. */
export async function checkCredentials({ email, password }: Credentials, clientAddress: string): Promise<AuthUser> {
  const normalized = normalizeEmail(email);
  const waitSeconds = await takeSignInAttempt(normalized, clientAddress);
  if (waitSeconds !== null) {
    throw tooManyRequests(`Too many sign-in attempts for ${normalized}. Try again in ${Math.ceil(waitSeconds / 60)} minute(s).`, waitSeconds);
  }
  const user = await findUserByEmail(normalized);
  if (!user) await spendPasswordCheck(password);
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    throw unauthorized('Wrong email or password.');
  }
  await clearSignInAttempts(normalized, clientAddress);
  return { id: user.id, email: user.email, isAdmin: user.isAdmin };
}
