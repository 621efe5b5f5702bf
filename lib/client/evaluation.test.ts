import { describe, expect, it } from 'vitest';
import { backtestWindowsText, coverageText, skillText, coverageExplanation, singlePickText } from './evaluation';
import { epochProgress, phaseText } from './run-status';
import type { RunEvaluation } from './types';

const windows = (n: number) =>
  Array.from({ length: n }, () => ({
    start: '',
    end: '',
    points: 7,
    metrics: {},
  })) as unknown as RunEvaluation['backtest']['windows'];

describe('backtestWindowsText', () => {
  it('says how many of the requested windows were used', () => {
    expect(backtestWindowsText({ requestedWindows: 3, windows: windows(3), byStep: {} as never, note: null })).toBe(
      '3',
    );
    expect(backtestWindowsText({ requestedWindows: 5, windows: windows(2), byStep: {} as never, note: 'short' })).toBe(
      '2 of 5 asked for',
    );
  });
});

describe('skillText', () => {
  it('signs the share of seasonal-naive error removed', () => {
    expect(skillText(0.234)).toBe('+23%');
    expect(skillText(-0.12)).toBe('−12%');
    expect(skillText(0.001)).toBe('0%');
    expect(skillText(null)).toBe('—');
  });
});

describe('singlePickText', () => {
  const pooled = [{ model: 'lstm' }, { model: 'ensemble' }];
  it('sets one model picked the same way beside the champion, and says which did better by how much', () => {
    expect(singlePickText(0.7, { windows: pooled, singlePick: { mase: 0.8 } })).toBe(
      'One model picked the same way, without averaging, scores 0.800 there: averaging saved 13%.',
    );
    expect(singlePickText(0.9, { windows: pooled, singlePick: { mase: 0.8 } })).toMatch(/there: averaging cost 13%\.$/);
    expect(singlePickText(0.8, { windows: pooled, singlePick: { mase: 0.801 } })).toMatch(
      /0\.801 there, level with the champion\.$/,
    );
  });

  it('says nothing when every pick was one model already, or the run has no such figure', () => {
    expect(singlePickText(0.7, { windows: [{ model: 'lstm' }], singlePick: { mase: 0.7 } })).toBeNull();
    expect(singlePickText(0.7, { windows: pooled })).toBeNull();
    expect(singlePickText(null, { windows: pooled, singlePick: { mase: 0.8 } })).toBeNull();
    expect(singlePickText(0.7, { windows: pooled, singlePick: { mase: null } })).toBeNull();
  });
});

describe('coverageText', () => {
  it('gives the share, its points and the aim, or says why there is none', () => {
    expect(coverageText({ share: 0.8333, points: 12 }, 80)).toBe('83% of 12 points (aim 80%)');
    expect(coverageText({ share: 1, points: 1 }, 95)).toBe('100% of 1 point (aim 95%)');
    expect(coverageText({ share: null, points: 0 }, 95)).toMatch(/Too few/);
  });
});

describe('phaseText', () => {
  it('names the phase, the backtest window and the fit’s own epochs', () => {
    expect(phaseText({ phase: 'backtest', epoch: 4, epochs: 15, window: 2, windows: 3 })).toBe(
      'Backtest window 2 of 3 · epoch 4 of 15',
    );
    expect(phaseText({ phase: 'evaluate', epoch: 3, epochs: 8, window: 3, windows: 3 })).toBe(
      'Scoring fit · epoch 3 of 8',
    );
    expect(phaseText({ phase: 'refit', epoch: 2, epochs: 8, window: null, windows: null })).toBe(
      'Refit on all data · epoch 2 of 8',
    );
  });
});

describe('epochProgress', () => {
  const config = { epochs: 30 } as never;
  it('takes the fit in progress from progressDetail, not config.epochs', () => {
    const detail = { phase: 'evaluate' as const, epoch: 5, epochs: 8, window: 3, windows: 3 };
    expect(epochProgress({ history: [], config, progressDetail: detail })).toEqual({ epoch: 5, epochs: 8 });
  });
  it('falls back to the history for runs without it', () => {
    expect(
      epochProgress({
        history: [
          { epoch: 1, loss: 1 },
          { epoch: 2, loss: 1 },
        ],
        config,
        progressDetail: null,
      }),
    ).toEqual({ epoch: 2, epochs: 30 });
  });
});

describe('coverageExplanation', () => {
  const backtest = { windows: Array.from({ length: 4 }, () => ({ start: '', end: '', points: 10, metrics: {} })) };
  const level = (share: number | null, points: number) => ({ share, points });

  it('says what the points are, and why the 95% figure counts fewer', () => {
    const text = coverageExplanation(backtest, { '80': level(0.86, 36), '95': level(1, 24) }, 'the LSTM')!;
    expect(text).toMatch(/^Coverage is counted over the 40 backtest points \(4 windows × 10 steps\) where the LSTM's/);
    expect(text).toMatch(/calibrated on the errors of the other windows only/);
    expect(text).toMatch(/bounded at fewer points here \(24 against 36\); the other 16 are left out/);
  });

  it('keeps to the first sentence when both levels count the same points, and says nothing without coverage', () => {
    const same = coverageExplanation(backtest, { '80': level(0.8, 40), '95': level(0.95, 40) })!;
    expect(same).not.toMatch(/95%/);
    expect(coverageExplanation(backtest, undefined)).toBeNull();
    expect(coverageExplanation(backtest, { '80': level(null, 0), '95': level(null, 0) })).toBeNull();
  });
});
