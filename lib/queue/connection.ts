// Redis connections for BullMQ.
import { Redis } from 'ioredis';

export function redisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) {
    throw new Error(
      'REDIS_URL is not set. Start Horizon with `npm start` (which provides a Redis server) or set REDIS_URL=redis://host:6379.',
    );
  }
  return url;
}

/**
 * - `worker`: waits out Redis outages; BullMQ requires `maxRetriesPerRequest: null` for workers.
 * - `producer` (queues used by the web app): fails fast with `enableOfflineQueue: false`, so an
 *   API request answers 503 instead of hanging until Redis comes back.
 */
export function createRedisConnection(role: 'worker' | 'producer'): Redis {
  return new Redis(redisUrl(), {
    maxRetriesPerRequest: null,
    enableOfflineQueue: role === 'worker',
  });
}
