// The CLI's --all forecasts a file the way a batch forecasts a dataset: one global LSTM trained
// across every series long enough for it, scored in each series' run as lstmGlobal, and the
// batch summary with the global LSTM's facts; a series too short is reported and left out.
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { parseCsv } from '@/lib/ingest';
import { forecastEverySeries } from './cli-all';
import type { ForecastConfig } from './types';

vi.setConfig({ testTimeout: 300_000 });

const tiny = {
  horizon: 4,
  lookback: 8,
  epochs: 2,
  units: 4,
  seeds: 1,
  search: 'off',
  seed: 5,
} satisfies Partial<ForecastConfig>;

/** A long-layout file: three stores of 90 days and one of 10 (too short for any model). */
function longCsv(): string {
  const rows = ['date,store,sales'];
  for (let day = 0; day < 90; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    const week = Math.sin((2 * Math.PI * day) / 7);
    rows.push(`${date},east,${(100 + day * 0.3 + 8 * week).toFixed(2)}`);
    rows.push(`${date},north,${(60 + day * 0.1 + 5 * week + (day % 3)).toFixed(2)}`);
    rows.push(`${date},south,${(30 - day * 0.05 + 3 * week).toFixed(2)}`);
    if (day >= 80) rows.push(`${date},tiny,${day}`);
  }
  return rows.join('\n') + '\n';
}

describe('forecastEverySeries (--all)', () => {
  it('trains one global LSTM across all the series and scores it in each run, as a batch does', async () => {
    const parsed = await parseCsv(Readable.from([longCsv()]), {});
    expect(parsed.series.map((s) => s.name)).toEqual(['east', 'north', 'south', 'tiny']);
    const output = await forecastEverySeries(parsed.series, tiny);
    // What --json prints: exactly these two keys, every value JSON.
    const json = JSON.parse(JSON.stringify(output));
    expect(Object.keys(json).sort()).toEqual(['results', 'summary']);
    expect(json.results.map((r: { series: string }) => r.series)).toEqual(['east', 'north', 'south', 'tiny']);

    for (const result of json.results.slice(0, 3)) {
      expect(result).toMatchObject({ frequency: 'daily', points: 90, horizon: 4 });
      expect(result.forecast).toHaveLength(4);
      expect(Number.isFinite(result.models.lstmGlobal.mase)).toBe(true);
      // The batch's one model, not a per-run one pooling the others.
      expect(result.globalLstm).toEqual({
        trained: true,
        series: 3,
        related: [],
        windows: [],
        note: 'One global LSTM shared by the 3 series of the batch, trained once for all of them.',
      });
      // Up to 20 series a batch also trains each series' own LSTM.
      expect(Object.keys(result.models)).toContain('lstm');
    }
    expect(json.results[3].error).toMatch(/has 10 points/);

    expect(json.summary).toMatchObject({
      series: 4,
      succeeded: 3,
      failed: 1,
      perSeriesLstm: true,
      globalLstm: { status: 'succeeded', error: null, series: 3, fits: expect.any(Number), fitMs: expect.any(Number) },
    });
    expect(json.summary.globalLstm.fits).toBeGreaterThan(1);
    expect(json.summary.models.lstmGlobal).toMatchObject({ series: 3, meanMase: expect.any(Number) });
    expect(json.summary.lstmBeatsBestClassical.series).toBe(3);
    const champions = Object.values(json.summary.champions as Record<string, number>);
    expect(champions.reduce((a, b) => a + b, 0)).toBe(3);
  });
});
