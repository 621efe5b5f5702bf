import { describe, expect, it } from 'vitest';
import type { RunEvaluation, RunMetrics } from './types';
import { describeVerdict, ordinal } from './verdict';

const m = (mase: number | null, mae = 1) => ({ mae, rmse: mae, mase });
const evaluation = (model: string, members: string[] = [model], championMetrics?: object) =>
  ({ champion: { model, members, reason: '', metrics: championMetrics } }) as unknown as RunEvaluation;

// The daily run of issue 20: the LSTM ranked 5th of 8, below naive and drift; the hybrid beat
// seasonal naive but lost to ETS.
const lstmLoses: RunMetrics = {
  lstm: m(0.87),
  lstmHybrid: m(0.77),
  mstl: m(0.8),
  ets: m(0.7),
  autoArima: m(0.9),
  naive: m(0.75),
  seasonalNaive: m(1),
  drift: m(0.76),
};

describe('describeVerdict', () => {
  it('names the champion, not the LSTM, when the LSTM loses, and is not good news', () => {
    const verdict = describeVerdict({ metrics: lstmLoses, evaluation: evaluation('ets') });
    expect(verdict.tone).toBe('neutral');
    expect(verdict.champion?.model).toBe('ets');
    expect(verdict.headline).toBe('ETS is the champion, 30% better than seasonal naive (MASE 0.70 vs 1.00).');
    expect(verdict.bestLstm).toMatchObject({ model: 'lstmHybrid', rank: 4, of: 8 });
    expect(verdict.lstmLine).toBe(
      'The hybrid LSTM is 4th of 8: 10% behind ETS, 23% better than seasonal naive (MASE 0.77).',
    );
  });

  it('says why no LSTM is ranked when the series was too short for them', () => {
    const { lstm: _lstm, lstmHybrid: _hybrid, ...classical } = lstmLoses;
    const note = 'The LSTMs were not trained: lookback 2 + horizon 3 needs at least 19 points.';
    const verdict = describeVerdict({ metrics: classical, evaluation: { ...evaluation('ets'), lstmSkipped: note } });
    expect(verdict.tone).toBe('neutral');
    expect(verdict.headline).toBe('ETS is the champion, 30% better than seasonal naive (MASE 0.70 vs 1.00).');
    expect(verdict.bestLstm).toBeNull();
    expect(verdict.lstmLine).toBe(note);
  });

  it('is good news only when an LSTM is the champion and beats seasonal naive', () => {
    const metrics = { ...lstmLoses, lstmHybrid: m(0.6) };
    const verdict = describeVerdict({ metrics, evaluation: evaluation('lstmHybrid') });
    expect(verdict.tone).toBe('good');
    expect(verdict.headline).toBe(
      'The hybrid LSTM is the champion, 40% better than seasonal naive (MASE 0.60 vs 1.00).',
    );
    expect(verdict.lstmLine).toBeNull();
  });

  it('warns when nothing beats seasonal naive, and says how far the LSTM is behind', () => {
    const metrics: RunMetrics = { lstm: m(1.12), naive: m(1.3), seasonalNaive: m(1), drift: m(1.2) };
    const verdict = describeVerdict({ metrics, evaluation: evaluation('seasonalNaive') });
    expect(verdict.tone).toBe('bad');
    expect(verdict.headline).toBe(
      'Seasonal naive is the champion: no model beats seasonal naive, which repeats the last season (MASE 1.00).',
    );
    expect(verdict.lstmLine).toBe('The LSTM is 2nd of 4: 12% behind seasonal naive (MASE 1.12).');
  });

  it('names an averaged champion by its members', () => {
    const verdict = describeVerdict({
      metrics: lstmLoses,
      evaluation: evaluation('ensemble', ['ets', 'naive'], { mase: 0.65, mae: 1 }),
    });
    expect(verdict.headline).toBe(
      'The average of ETS + Naive is the champion, 35% better than seasonal naive (MASE 0.65 vs 1.00).',
    );
    expect(verdict.tone).toBe('neutral');
    expect(verdict.bestLstm).toMatchObject({ rank: 5, of: 9 });
    expect(verdict.lstmLine).not.toContain('averages');

    const withLstm = describeVerdict({
      metrics: lstmLoses,
      evaluation: evaluation('ensemble', ['ets', 'lstmHybrid'], { mase: 0.65, mae: 1 }),
    });
    expect(withLstm.lstmLine).toMatch(
      /^The hybrid LSTM is 5th of 9: .* It is one of the models the champion averages\.$/,
    );
  });

  it("states the gain the champion kept on windows it was not chosen on, against seasonal naive's there", () => {
    const nested = (testMase: number, reference: number, windows = 5) =>
      ({
        champion: {
          model: 'ensemble',
          members: ['ets', 'naive'],
          reason: '',
          metrics: { mase: 0.65, mae: 1 },
          testMase,
          nested: {
            windows: Array.from({ length: windows }, () => ({ start: null, model: 'ets', members: ['ets'] })),
            selectionWindows: 1,
            bestSingle: { model: 'ets', mase: 0.7 },
            reference: { model: 'seasonalNaive', mase: reference },
          },
        },
      }) as unknown as RunEvaluation;
    // Its backtest score (0.65, 35% better) was won on the very windows it is measured on.
    const honest = describeVerdict({ metrics: lstmLoses, evaluation: nested(0.8, 1.1) });
    expect(honest.headline).toBe(
      'The average of ETS + Naive is the champion. Chosen the same way from earlier windows only, the champion was 27% better than seasonal naive on 5 backtest windows (MASE 0.80 vs 1.10).',
    );
    expect(honest.tone).toBe('neutral');
    // Beaten by seasonal naive there: a warning, whatever the backtest says.
    const lost = describeVerdict({ metrics: lstmLoses, evaluation: nested(1.21, 1.1, 1) });
    expect(lost.headline).toBe(
      'The average of ETS + Naive is the champion, but chosen the same way from earlier windows only, the champion was 10% worse than seasonal naive on 1 backtest window (MASE 1.21 vs 1.10).',
    );
    expect(lost.tone).toBe('bad');
    // An older run, without seasonal naive's score on those windows: the backtest's figures.
    const older = nested(0.8, 1.1);
    delete (older.champion!.nested as { reference?: unknown }).reference;
    expect(describeVerdict({ metrics: lstmLoses, evaluation: older }).headline).toBe(
      'The average of ETS + Naive is the champion, 35% better than seasonal naive (MASE 0.65 vs 1.00).',
    );
  });

  it('ranks by MAE when MASE is undefined, as the engine does', () => {
    const metrics: RunMetrics = { lstm: m(null, 3), naive: m(null, 5), seasonalNaive: m(null, 4), drift: m(null, 6) };
    const verdict = describeVerdict({ metrics, evaluation: null });
    expect(verdict.headline).toBe('The LSTM is the champion, 25% better than seasonal naive (MAE 3.00 vs 4.00).');
    expect(verdict.tone).toBe('good');
  });

  it('has no verdict without metrics', () => {
    expect(describeVerdict({ metrics: null, evaluation: null }).tone).toBeNull();
  });

  it('writes ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});
