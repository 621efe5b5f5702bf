import { describe, expect, it } from 'vitest';
import { remainingText } from './run-status';

describe('remainingText', () => {
  const start = '2026-01-01T00:00:00.000Z';
  const at = (seconds: number) => Date.parse(start) + seconds * 1000;
  /** A run trained by a worker that did not measure epochs. */
  const old = (progress: number) => ({ progress, startedAt: start, progressDetail: null });
  const detail = (remainingEpochs: number, epochMs: number | null) => ({
    progress: 0.1,
    startedAt: start,
    progressDetail: {
      phase: 'backtest' as const,
      epoch: 3,
      epochs: 30,
      window: 1,
      windows: 5,
      remainingEpochs,
      epochMs,
    },
  });

  it('multiplies the epochs still planned by the measured time per epoch, whatever the share done', () => {
    // 90 epochs at 2 s: three minutes, although only 10% is done after 10 minutes.
    expect(remainingText(detail(90, 2_000), at(600))).toBe('about 3 minutes left');
    expect(remainingText(detail(10, 2_000), at(5))).toBe('less than a minute left');
    expect(remainingText(detail(2_700, 2_000), at(60))).toBe('about 1.5 hours left');
    // Not yet measured (the first epoch of the first fit): nothing rather than a guess from the share.
    expect(remainingText(detail(90, null), at(600))).toBeNull();
  });

  it('carries the overall pace forward for runs without epoch timings', () => {
    // A quarter done in one minute: three more minutes.
    expect(remainingText(old(0.25), at(60))).toBe('about 3 minutes left');
    expect(remainingText(old(0.5), at(20))).toBe('less than a minute left');
    expect(remainingText(old(0.1), at(600))).toBe('about 1.5 hours left');
  });

  it('says nothing before there is a pace to measure, or once done', () => {
    expect(remainingText(old(0.02), at(60))).toBeNull();
    expect(remainingText(old(0.5), at(2))).toBeNull();
    expect(remainingText(old(1), at(60))).toBeNull();
    expect(remainingText({ ...old(0.5), startedAt: null }, at(60))).toBeNull();
  });
});
