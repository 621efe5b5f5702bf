// Passwords of the embedded PostgreSQL and Redis: random, made on first start, kept in a file
// only its owner can read (beside the service's data, e.g. .horizon/postgres-password).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

/** Hex, so that it goes into a connection URL and a config file as it is. */
function newSecret(): string {
  return randomBytes(24).toString('hex');
}

/** The secret kept in `file`, created (mode 600) when there is none yet. */
export function readOrCreateSecret(file: string): { value: string; created: boolean } {
  if (!existsSync(file)) {
    const value = newSecret();
    try {
      // `wx`: if another start creates it at the same moment, theirs wins and is read below.
      writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
      return { value, created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  // A copy restored from a backup may have lost its mode: keep it owner-only.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const value = readFileSync(file, 'utf8').trim();
  if (!value)
    throw new Error(`${file} is empty. Delete it to have a new password made, or put the current password in it.`);
  return { value, created: false };
}

/** The secret in `file`, or null when there is none. */
export function readSecret(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}
