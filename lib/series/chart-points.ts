// The points API's answers, kept in memory as the JSON bytes sent: a chart of a million-point
// series costs several queries and a downsampling pass, and dashboards ask for the same few ranges
// over and over. An answer is keyed by the series' points version (lib/db/series.ts
// getPointsVersion), so an append makes every cached range of that series stale at once, and the
// stale entries age out of the bounded cache. Shared by all users: callers check access first.
import { LRUCache } from 'lru-cache';
import { taggedJson, type TaggedBody } from '@/lib/api/conditional-get';
import { getPointsAsSystem, type PointsQuery } from '@/lib/db/series';

/** A 2000-point answer is about 90 KB: 64 MB holds some 700 charts. */
const DEFAULT_CACHE_MB = 64;

function cacheBytes(): number {
  const configured = Number(process.env.HORIZON_POINTS_CACHE_MB);
  return (Number.isFinite(configured) && configured >= 0 ? configured : DEFAULT_CACHE_MB) * 1024 * 1024;
}

type PointsCache = LRUCache<string, TaggedBody, { seriesId: string; query: PointsQuery }>;

// On globalThis so that Next's dev-mode module reloads keep one cache per process.
const globalForCache = globalThis as unknown as { horizonChartPoints?: PointsCache | null };

/** Null when HORIZON_POINTS_CACHE_MB is 0. */
function cache(): PointsCache | null {
  if (globalForCache.horizonChartPoints === undefined) {
    const maxSize = cacheBytes();
    globalForCache.horizonChartPoints =
      maxSize === 0
        ? null
        : new LRUCache({
            maxSize,
            sizeCalculation: (answer) => answer.body.byteLength,
            // fetch() runs this once per key at a time: a burst of identical cold reads computes it once.
            fetchMethod: async (_key, _stale, { context }) =>
              taggedJson({ points: await getPointsAsSystem(context.seriesId, context.query) }),
          });
  }
  return globalForCache.horizonChartPoints;
}

/** `{ "points": [...] }` for the range, from memory when this version of the series was asked for it before. */
export async function chartPoints(seriesId: string, pointsVersion: string, query: PointsQuery): Promise<TaggedBody> {
  const points = cache();
  if (!points) return taggedJson({ points: await getPointsAsSystem(seriesId, query) });
  const key = [seriesId, pointsVersion, query.from?.toISOString() ?? '', query.to?.toISOString() ?? '', query.max].join(
    '|',
  );
  const answer = await points.fetch(key, { context: { seriesId, query } });
  // fetch() resolves undefined only when the fetch was aborted, which nothing here does.
  if (!answer) throw new Error(`The points of series ${seriesId} could not be read.`);
  return answer;
}
