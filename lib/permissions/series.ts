// Can this user see this series? Yes/no, never throws: pages answer "no" with their 404.
import { scopeOf, type AuthUser } from '@/lib/auth/scope';
import { getSeries } from '@/lib/db/series';

export async function canViewSeries(user: AuthUser, id: string): Promise<boolean> {
  try {
    return (await getSeries(scopeOf(user), id)) !== null;
  } catch (error) {
    // "No" is the safe answer; the cause (say, the database is down) goes to the server log.
    console.error(`Permission check failed for ${id}:`, error);
    return false;
  }
}
