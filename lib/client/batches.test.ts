import { describe, expect, it } from 'vitest';
import {
  averageChampionNote,
  averagedChampionsNote,
  batchModelsText,
  championCellLabel,
  championLabel,
  defaultPerSeriesLstm,
  globalLstmText,
  skillBinLabel,
  skillHistogram,
  seriesShareText,
  sparklineLabel,
  visibleRows,
  type BatchSeriesRow,
} from './batches';

const row = (
  name: string,
  mase: number | null,
  skill: number | null,
  status: BatchSeriesRow['status'] = 'succeeded',
  champion: BatchSeriesRow['champion'] = 'ets',
): BatchSeriesRow => ({
  seriesId: `s-${name}`,
  name,
  runId: `r-${name}`,
  status,
  champion,
  championMembers: [],
  mase,
  skill,
  nested: true,
  error: null,
});

const rows = [
  row('b', 0.8, 0.2),
  row('a', 1.2, -0.1, 'succeeded', 'lstm'),
  row('c', null, null, 'failed', null),
  row('d', 0.5, 0.5),
];

describe('visibleRows', () => {
  it('sorts by a number either way, missing values last', () => {
    expect(visibleRows(rows, { sort: 'mase', descending: false, text: '', status: 'all' }).map((r) => r.name)).toEqual([
      'd',
      'b',
      'a',
      'c',
    ]);
    expect(visibleRows(rows, { sort: 'mase', descending: true, text: '', status: 'all' }).map((r) => r.name)).toEqual([
      'a',
      'b',
      'd',
      'c',
    ]);
  });

  it('filters by status and by text in the name or champion', () => {
    expect(
      visibleRows(rows, { sort: 'name', descending: false, text: '', status: 'failed' }).map((r) => r.name),
    ).toEqual(['c']);
    expect(
      visibleRows(rows, { sort: 'name', descending: false, text: 'LST', status: 'all' }).map((r) => r.name),
    ).toEqual(['a']);
  });
});

describe('visibleRows by champion', () => {
  const average = {
    ...row('e', 0.7, 0.3, 'succeeded', 'ensemble'),
    championMembers: ['autoArima', 'lstm'],
  } as BatchSeriesRow;
  const seasonal = row('f', 1, 0, 'succeeded', 'seasonalNaive');

  it('filters and sorts the champion by the name the table shows', () => {
    const view = { sort: 'name', descending: false, status: 'all' } as const;
    expect(visibleRows([...rows, average], { ...view, text: 'average of' }).map((r) => r.name)).toEqual(['e']);
    expect(visibleRows([...rows, seasonal], { ...view, text: 'seasonal naive' }).map((r) => r.name)).toEqual(['f']);
    expect(visibleRows([...rows, average], { ...view, sort: 'champion', text: '' }).map((r) => r.name)).toEqual([
      'e',
      'b',
      'd',
      'a',
      'c',
    ]);
  });
});

describe('championLabel', () => {
  it('names an averaged champion by its members, as the run page does', () => {
    expect(championLabel({ champion: 'ensemble', championMembers: ['autoArima', 'lstm'] })).toBe(
      'Average of AutoARIMA + LSTM',
    );
    expect(championLabel({ champion: 'ets', championMembers: ['ets'] })).toBe('ETS');
    expect(championLabel({ champion: null, championMembers: [] })).toBe('—');
  });

  it('names the best two members of a larger average in a table cell and counts the rest', () => {
    const row = { champion: 'ensemble' as const, championMembers: ['autoArima', 'lstm', 'ets', 'theta'] as const };
    expect(championCellLabel({ ...row, championMembers: [...row.championMembers] })).toBe(
      'Average of AutoARIMA, LSTM + 2 more',
    );
    expect(championCellLabel({ champion: 'ensemble', championMembers: ['ets', 'lstm'] })).toBe('Average of ETS + LSTM');
    expect(championCellLabel({ champion: 'theta', championMembers: ['theta'] })).toBe('Theta');
  });
});

describe('batch summary texts', () => {
  it('says how often the LSTM won as a count, then the share', () => {
    expect(seriesShareText({ share: 2 / 3, series: 3 })).toBe('2 of 3 (67%)');
    expect(seriesShareText({ share: 0, series: 2 })).toBe('0 of 2 (0%)');
    expect(seriesShareText({ share: null, series: 0 })).toBe('—');
  });

  it('counts the series an average of models is champion of, which no model row counts', () => {
    expect(averageChampionNote({ ets: 1, lstm: 1, ensemble: 1 })).toBe(
      "Champion of 1 more series: an average of the models within 20% of its best (each series' run names them all).",
    );
    expect(averageChampionNote({ ets: 2 })).toBeNull();
    expect(averagedChampionsNote({ ets: 1, ensemble: 2 })).toBe(
      "2 of the 3 series' champions average the models within 20% of their best (each series' run names them all), " +
        'so a model counts once for each champion it is in.',
    );
    expect(averagedChampionsNote({ ensemble: 1 })).toMatch(/^The series' champion averages /);
    expect(averagedChampionsNote({ ensemble: 4 })).toMatch(/^All 4 series' champions average /);
    expect(averagedChampionsNote({ ets: 4 })).toBeNull();
    // Every series' champion an average: no "more".
    expect(averageChampionNote({ ets: 0, ensemble: 3 })).toBe(
      "Champion of 3 series: an average of the models within 20% of its best (each series' run names them all).",
    );
  });
});

describe('skillHistogram', () => {
  it('counts skills in bins from the lowest to the highest, clamping below -1', () => {
    const bins = skillHistogram([0.05, 0.15, 0.12, null, -3, 0.3]);
    expect(bins[0].from).toBeCloseTo(-1);
    expect(bins.at(-1)?.from).toBeCloseTo(0.3);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(5);
    expect(bins.find((bin) => Math.abs(bin.from - 0.1) < 1e-9)?.count).toBe(2);
    expect(bins.find((bin) => Math.abs(bin.from + 1) < 1e-9)?.count).toBe(1);
  });

  it('labels a bin with signed percentages, as the run page writes skill', () => {
    const bins = skillHistogram([-0.15, 0.25, 0.22]);
    expect(skillBinLabel(bins[0])).toBe('−20% to −10%: 1 series');
    expect(skillBinLabel(bins[2])).toBe('0% to +10%: 0 series');
    expect(skillBinLabel(bins[4])).toBe('+20% to +30%: 2 series');
  });

  it('is empty without any skill', () => {
    expect(skillHistogram([null, null])).toEqual([]);
  });
});

describe('what a batch compares', () => {
  it('trains per-series LSTMs by default up to 20 series, and says so', () => {
    expect(defaultPerSeriesLstm(20)).toBe(true);
    expect(defaultPerSeriesLstm(21)).toBe(false);
    expect(batchModelsText(5, true)).toMatch(/its own LSTMs.*one global LSTM trained across all 5 series/);
    expect(batchModelsText(2, true)).toMatch(/one global LSTM trained across both series/);
    expect(batchModelsText(1, true)).toMatch(/one global LSTM trained on that series alone\.$/);
    expect(batchModelsText(100, false)).toMatch(/no LSTM per series \(off by default above 20 series\)/);
    expect(batchModelsText(3, false)).toMatch(/no LSTM per series\.$/);
  });

  it("describes the global LSTM's state", () => {
    const base = { progress: 0, error: null, series: null, fits: null, fitMs: null, inputs: [] };
    expect(globalLstmText(null)).toMatch(/None/);
    expect(globalLstmText({ ...base, status: 'queued' })).toMatch(/before the series/);
    expect(globalLstmText({ ...base, status: 'running', progress: 0.42 })).toBe('Training (42%)');
    expect(globalLstmText({ ...base, status: 'succeeded', progress: 1, series: 100, fits: 10, fitMs: 65_000 })).toBe(
      'Trained on 100 series: 10 fits in 1 min 5 s',
    );
    const withInputs = { ...base, status: 'succeeded' as const, series: 3, fits: 8, fitMs: 65_000 };
    expect(globalLstmText({ ...withInputs, inputs: ['promo', 'the US holiday calendar'] })).toBe(
      'Trained on 3 series: 8 fits in 1 min 5 s, with promo and the US holiday calendar (and again without them, to measure what they do)',
    );
    expect(globalLstmText({ ...base, status: 'failed', error: 'Out of memory.' })).toMatch(/^Failed: Out of memory\./);
  });
});

describe('sparklineLabel', () => {
  it('says what the solid and the dashed line are', () => {
    expect(sparklineLabel('north', { history: [1, 2, 3], forecast: [4, 5], model: 'ets' })).toBe(
      'north: the last 3 values, then the ETS forecast of the next 2 steps (dashed)',
    );
    expect(sparklineLabel('south', { history: [1, 2], forecast: [], model: null })).toBe('south: the last 2 values');
  });
});
