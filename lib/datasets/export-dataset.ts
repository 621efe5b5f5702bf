// The download of a whole dataset: one long-format CSV `series,timestamp,value`, series by name,
// points by time. It is streamed: points are read from PostgreSQL a page at a time (keyset paging
// on the (series_key, t) primary key), so a dataset of millions of points never sits in memory.
import type { Dataset } from '@/lib/db/datasets';
import { pointsPageAsSystem } from '@/lib/db/points';
import { csvText } from '@/lib/runs/predictions-csv';

export const DATASET_CSV_HEADER = 'series,timestamp,value';

// Big enough that round trips don't dominate, small enough to keep each page a few hundred KB.
const POINTS_PER_PAGE = 10_000;

/** The CSV text of the whole dataset, one page of points per chunk. */
async function* datasetCsvChunks(dataset: Dataset, pageSize: number): AsyncGenerator<string> {
  yield `${DATASET_CSV_HEADER}\n`;
  for (const series of dataset.series) {
    // A name like "=HYPERLINK(...)" is neutralised once, not per row.
    const name = csvText(series.name);
    let after: Date | null = null;
    for (;;) {
      const rows = await pointsPageAsSystem(series.id, after, pageSize);
      if (rows.length === 0) break;
      yield rows.map((row) => `${name},${row.t.toISOString()},${row.v}\n`).join('');
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1].t;
    }
  }
}

/** `<dataset name>.csv`, reduced to characters every filesystem accepts. */
export function datasetFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'dataset';
  return `${safe}.csv`;
}

/**
 * A byte stream of the dataset's CSV that reads the next page only when the client takes more.
 * `pageSize` is the number of points per read (tests set it small to cross page boundaries).
 */
export function datasetCsvStream(dataset: Dataset, { pageSize = POINTS_PER_PAGE } = {}): ReadableStream<Uint8Array> {
  const chunks = datasetCsvChunks(dataset, pageSize);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
