// Sign-up and sign-in. Neither reveals which emails have accounts: sign-in answers an unknown
// email and a wrong password alike, and sign-up answers the same whether it created an account
// or found the email taken (the caller then signs in; see lib/client/auth-api.ts). Both are
// throttled (sign-in-limit.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { tooManyRequests, unauthorized, conflict } from '@/lib/api/errors';
import { EmailTakenError, findUserByEmailAsSystem, insertUserAsSystem, normalizeEmail } from '@/lib/db/users';
import { hashPassword, spendPasswordCheck, verifyPassword } from './password';
import type { AuthUser } from './scope';
import {
  clearSignInAttempts,
  recordSignInFailure,
  signInDelayMs,
  takeSignInAttempt,
  takeSignUpAttempt,
} from './sign-in-limit';

export interface Credentials {
  email: string;
  password: string;
}

/** A new account; the first one of an install is the admin (and owns the pre-account data). */
export async function createAccount({
  email,
  password,
}: Credentials): Promise<{ user: AuthUser; claimedDatasets: number }> {
  try {
    return await insertUserAsSystem({ email, passwordHash: await hashPassword(password) });
  } catch (error) {
    if (error instanceof EmailTakenError) throw conflict(`${error.message} Sign in instead, or use another email.`);
    throw error;
  }
}

/** What sign-up answers in every case: it never says whether the email was free. */
export const SIGN_UP_MESSAGE =
  'If no account had this email, it has been created: sign in with this email and password. ' +
  'If the email already had an account, nothing changed.';

/**
 * Sign-up from the API: creates the account when the email is free and does nothing when it is
 * taken, answering alike (the password is hashed either way, so the time tells nothing either).
 * 429 past SIGN_UPS_PER_ADDRESS per hour from one address.
 */
export async function registerAccount({ email, password }: Credentials, clientAddress: string): Promise<void> {
  const waitSeconds = await takeSignUpAttempt(clientAddress);
  if (waitSeconds !== null) {
    throw tooManyRequests(
      `Too many sign-ups from this address. Try again in ${Math.ceil(waitSeconds / 60)} minute(s).`,
      waitSeconds,
    );
  }
  try {
    await insertUserAsSystem({ email, passwordHash: await hashPassword(password) });
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
  }
}

/** The account, or a 401 "wrong email or password" / 429 "too many attempts" ApiError. */
export async function checkCredentials({ email, password }: Credentials, clientAddress: string): Promise<AuthUser> {
  const normalized = normalizeEmail(email);
  const waitSeconds = await takeSignInAttempt(normalized, clientAddress);
  if (waitSeconds !== null) {
    throw tooManyRequests(
      `Too many sign-in attempts for ${normalized}. Try again in ${Math.ceil(waitSeconds / 60)} minute(s).`,
      waitSeconds,
    );
  }
  // Slowed down, never blocked, once the email has had many failures from any address.
  const delayMs = await signInDelayMs(normalized);
  if (delayMs > 0) await sleep(delayMs);
  const user = await findUserByEmailAsSystem(normalized);
  if (!user) await spendPasswordCheck(password);
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    await recordSignInFailure(normalized);
    throw unauthorized('Wrong email or password.');
  }
  await clearSignInAttempts(normalized, clientAddress);
  return { id: user.id, email: user.email, isAdmin: user.isAdmin };
}
