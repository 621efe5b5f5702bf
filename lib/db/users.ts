// Accounts. The first account of an install becomes the admin and takes over the datasets stored
// before accounts existed (user_id NULL), in the same transaction, so no data is left unreachable.
// "First" means: while there is no admin yet. The demo account `npm start` creates is never the
// admin, so the first person to sign up still is.
import type { AuthUser } from './scope';
import { getPrisma } from './client';
import { Prisma, type User as UserRow } from './generated/prisma/client';

export interface UserWithPassword extends AuthUser {
  passwordHash: string;
}

export function toAuthUser(row: Pick<UserRow, 'id' | 'email' | 'isAdmin'>): AuthUser {
  return { id: row.id, email: row.email, isAdmin: row.isAdmin };
}

/** Emails are compared lower-case and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Thrown by insertUserAsSystem when the email already has an account. */
export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`An account with the email ${email} already exists.`);
    this.name = 'EmailTakenError';
  }
}

export interface NewUser {
  email: string;
  passwordHash: string;
  /** An ordinary account even when there is no admin yet (the demo account). */
  neverAdmin?: boolean;
}

export async function insertUserAsSystem({
  email,
  passwordHash,
  neverAdmin = false,
}: NewUser): Promise<{ user: AuthUser; claimedDatasets: number }> {
  try {
    // Serializable: two first sign-ups at the same moment cannot both see no admin.
    return await getPrisma().$transaction(
      async (tx) => {
        const first = !neverAdmin && (await tx.user.count({ where: { isAdmin: true } })) === 0;
        const row = await tx.user.create({ data: { email: normalizeEmail(email), passwordHash, isAdmin: first } });
        const claimed = first
          ? await tx.dataset.updateMany({ where: { userId: null }, data: { userId: row.id } })
          : { count: 0 };
        return { user: toAuthUser(row), claimedDatasets: claimed.count };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new EmailTakenError(normalizeEmail(email));
    throw error;
  }
}

export async function findUserByEmailAsSystem(email: string): Promise<UserWithPassword | null> {
  const row = await getPrisma().user.findUnique({ where: { email: normalizeEmail(email) } });
  return row && { ...toAuthUser(row), passwordHash: row.passwordHash };
}

/** Whether the next account will be the admin. */
export async function hasAdminAsSystem(): Promise<boolean> {
  return (await getPrisma().user.count({ where: { isAdmin: true } })) > 0;
}

export async function setPasswordHashAsSystem(userId: string, passwordHash: string): Promise<void> {
  await getPrisma().user.update({ where: { id: userId }, data: { passwordHash } });
}
