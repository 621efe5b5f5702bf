import { describe, expect, it } from 'vitest';
import { describeVerdict } from './verdict';

const m = (mae: number, rmse: number, mase: number) => ({ mae, rmse, mase });

describe('describeVerdict', () => {
  it('reports the relative MASE improvement when the LSTM wins', () => {
    const verdict = describeVerdict({ lstm: m(1, 1, 0.77), seasonalNaive: m(2, 2, 1) });
    expect(verdict.beats).toBe(true);
    expect(verdict.improvement).toBeCloseTo(0.23);
    expect(verdict.text).toBe('The LSTM beats the seasonal-naive baseline by 23% (MASE 0.77 vs 1.00).');
  });

  it('says plainly when the LSTM does not win, ties included', () => {
    expect(describeVerdict({ lstm: m(1, 1, 1.12), seasonalNaive: m(1, 1, 1) }).text).toBe(
      'The LSTM does NOT beat the seasonal-naive baseline (MASE 1.12 vs 1.00).',
    );
    expect(describeVerdict({ lstm: m(1, 1, 1), seasonalNaive: m(1, 1, 1) }).beats).toBe(false);
  });

  it('falls back to MAE when MASE is undefined', () => {
    const verdict = describeVerdict({
      lstm: m(3, 4, null as unknown as number),
      seasonalNaive: m(4, 5, null as unknown as number),
    });
    expect(verdict.text).toBe('The LSTM beats the seasonal-naive baseline by 25% (MAE 3.00 vs 4.00).');
  });

  it('has no verdict without metrics', () => {
    expect(describeVerdict(null).beats).toBeNull();
  });
});
