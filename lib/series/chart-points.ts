// The points API's answers, kept in memory as the JSON bytes sent: a chart of a million-point
// series costs several queries and a downsampling pass, and dashboards ask for the same few ranges
// over and over. An answer is keyed by the series' points version (lib/db/series.ts
// getPointsVersion), so an append makes every cached range of that series stale at once, and the
// stale entries age out of the bounded cache. Shared by all users: callers check access first.
import { taggedJson, type TaggedBody } from '@/lib/api/conditional-get';
import { BoundedCache } from '@/lib/cache/bounded-cache';
import { getPoints, type PointsQuery } from '@/lib/db/series';

/** A 2000-point answer is about 90 KB: 64 MB holds some 700 charts. */
const DEFAULT_CACHE_MB = 64;

function cacheBytes(): number {
  const configured = Number(process.env.HORIZON_POINTS_CACHE_MB);
  return (Number.isFinite(configured) && configured >= 0 ? configured : DEFAULT_CACHE_MB) * 1024 * 1024;
}

// On globalThis so that Next's dev-mode module reloads keep one cache per process.
const globalForCache = globalThis as unknown as { horizonChartPoints?: BoundedCache<TaggedBody> };

function cache(): BoundedCache<TaggedBody> {
  globalForCache.horizonChartPoints ??= new BoundedCache({ maxBytes: cacheBytes(), sizeOf: (answer) => answer.body.byteLength });
  return globalForCache.horizonChartPoints;
}

/** `{ "points": [...] }` for the range, from memory when this version of the series was asked for it before. */
export function chartPoints(seriesId: string, pointsVersion: string, query: PointsQuery): Promise<TaggedBody> {
  const key = [seriesId, pointsVersion, query.from?.toISOString() ?? '', query.to?.toISOString() ?? '', query.max].join('|');
  return cache().getOrCompute(key, async () => taggedJson({ points: await getPoints(seriesId, query) }));
}
