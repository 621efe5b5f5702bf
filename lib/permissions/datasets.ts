// Can this user see this dataset? Yes/no, never throws: pages answer "no" with their 404.
import { scopeOf, type AuthUser } from '@/lib/auth/scope';
import { getDataset } from '@/lib/db/datasets';

export async function canViewDataset(user: AuthUser, id: string): Promise<boolean> {
  try {
    return (await getDataset(scopeOf(user), id)) !== null;
  } catch (error) {
    // "No" is the safe answer; the cause (say, the database is down) goes to the server log.
    console.error(`Permission check failed for ${id}:`, error);
    return false;
  }
}
