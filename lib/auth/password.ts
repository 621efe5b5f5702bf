// Password hashing with argon2id (the library's default algorithm and OWASP's first choice). The
// stored string is in PHC format, so its parameters and salt travel with it and can be raised later
// without breaking existing hashes.
import { hash, verify } from '@node-rs/argon2';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/api/schemas/auth';

// The length rules live with the sign-up schema, which the browser can import.
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a malformed stored hash alike: never throws on bad input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown makes both failures take as long, so response
// time does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function spendPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('horizon-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
