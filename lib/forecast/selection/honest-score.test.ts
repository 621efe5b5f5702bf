import { describe, expect, it } from 'vitest';
import { honestScore } from './honest-score';

const nested = (referenceMase: number | null) => ({
  windows: [{}, {}, {}],
  reference: { mase: referenceMase },
});

describe('honestScore', () => {
  it("reads the champion's nested MASE, seasonal naive's on the same windows and their count", () => {
    expect(honestScore({ testMase: 0.8, nested: nested(1.1) })).toEqual({ mase: 0.8, reference: 1.1, windows: 3 });
  });

  it('is null without both figures: older runs, one backtest window, a score that is not a number', () => {
    expect(honestScore(null)).toBeNull();
    expect(honestScore({ testMase: 0.8 })).toBeNull();
    expect(honestScore({ testMase: 0.8, nested: { windows: [{}] } })).toBeNull();
    expect(honestScore({ testMase: 0.8, nested: nested(null) })).toBeNull();
    expect(honestScore({ testMase: null, nested: nested(1.1) })).toBeNull();
    expect(honestScore({ testMase: Number.NaN, nested: nested(1.1) })).toBeNull();
  });
});
