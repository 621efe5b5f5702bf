// Can this user see this batch? Yes/no, never throws: pages answer "no" with their 404.
import { scopeOf, type AuthUser } from '@/lib/auth/scope';
import { getBatch } from '@/lib/db/batches';

export async function canViewBatch(user: AuthUser, id: string): Promise<boolean> {
  try {
    return (await getBatch(scopeOf(user), id)) !== null;
  } catch (error) {
    console.error(`Permission check failed for ${id}:`, error);
    return false;
  }
}
