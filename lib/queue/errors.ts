/** Redis could not be reached (not connected within the timeout, or the connection dropped). */
export class RedisUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Redis is unreachable (${cause instanceof Error ? cause.message : String(cause)}).`, { cause });
    this.name = 'RedisUnavailableError';
  }
}
