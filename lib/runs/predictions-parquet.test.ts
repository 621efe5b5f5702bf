import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import type { PredictionRow } from '@/lib/db/predictions';
import { predictionsParquet } from './predictions-parquet';

const rows: PredictionRow[] = [
  {
    timestamp: '2024-01-01T00:00:00.000Z',
    forecast: 1.5,
    actual: 2,
    lo80: null,
    hi80: null,
    lo95: null,
    hi95: null,
    p10: null,
    p50: null,
    p90: null,
    segment: 'test',
  },
  {
    timestamp: '2024-01-02T00:00:00.000Z',
    forecast: 3.25,
    actual: null,
    lo80: 2,
    hi80: 4,
    lo95: 1,
    hi95: 5,
    p10: 2,
    p50: 3.5,
    p90: 4,
    segment: 'future',
  },
];

describe('predictionsParquet', () => {
  it('writes a file that a Parquet reader reads back, typed, with nulls and the extra columns', async () => {
    const bytes = predictionsParquet(
      rows,
      [{ name: 'series', values: ['a,b', 'a,b'] }],
      [{ name: 'model', values: ['ets', 'ets'] }],
    );
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('PAR1');
    const read = await parquetReadObjects({ file: bytes.buffer });
    expect(read).toHaveLength(2);
    expect(Object.keys(read[0])).toEqual([
      'series',
      'timestamp',
      'forecast',
      'actual',
      'lo80',
      'hi80',
      'lo95',
      'hi95',
      'p10',
      'p50',
      'p90',
      'segment',
      'model',
    ]);
    expect(read[0]).toMatchObject({
      series: 'a,b',
      forecast: 1.5,
      actual: 2,
      lo80: null,
      segment: 'test',
      model: 'ets',
    });
    expect(new Date(read[1].timestamp as Date).toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(read[1]).toMatchObject({ actual: null, lo80: 2, hi95: 5, p10: 2, p50: 3.5, p90: 4, segment: 'future' });
  });
});
