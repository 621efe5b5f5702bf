// Prisma filters that keep a query inside one user's rows. Only datasets carry an owner; series
// belong to their dataset's owner, and runs and schedules to their series' owner, so every filter
// ends at datasets.user_id (indexed with created_at for the dataset list).
import type { Scope } from './scope';

export function ownedSeries(scope: Scope) {
  return { dataset: { userId: scope.userId } } as const;
}

/** For runs (and series schedules): rows whose series the user owns. */
export function ownedThroughSeries(scope: Scope) {
  return { series: ownedSeries(scope) } as const;
}

/** Schedules: of a series or of a whole dataset, the user's either way. */
export function ownedSchedule(scope: Scope) {
  return { OR: [ownedThroughSeries(scope), { dataset: { userId: scope.userId } }] };
}
