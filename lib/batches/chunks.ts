// How a batch's runs are split into chunk jobs. Smaller chunks spread better across workers and
// lose less when a worker dies mid-chunk (only its chunk is retried); more chunks cost a few Redis
// keys each. At most MAX_CHUNKS chunks: 100 series train as 50 chunks of 2.
export const MAX_CHUNKS = 50;

/** Consecutive, nearly equal chunks (sizes differ by at most one), in the order given. */
export function chunkRunIds(runIds: readonly string[], maxChunks = MAX_CHUNKS): string[][] {
  if (runIds.length === 0) return [];
  const count = Math.min(runIds.length, maxChunks);
  const chunks: string[][] = [];
  for (let i = 0; i < count; i++) {
    chunks.push(runIds.slice(Math.floor((i * runIds.length) / count), Math.floor(((i + 1) * runIds.length) / count)));
  }
  return chunks;
}
