import { describe, expect, it } from 'vitest';
import { pickTransform, validationOrigins } from './transforms-choice';

describe('pickTransform', () => {
  it('picks the lowest validation error and says what it beat', () => {
    const choice = pickTransform(
      [
        { transform: 'none', validationMae: 10 },
        { transform: 'log', validationMae: 9 },
        { transform: 'difference', validationMae: 4 },
        { transform: 'seasonalDifference', validationMae: 6 },
      ],
      50,
    );
    expect(choice.transform).toBe('difference');
    expect(choice.reason).toContain(
      'difference: validation MAE 4.00 against none 10.0, log 9.00, seasonalDifference 6.00',
    );
    expect(choice.reason).toContain('over 50 validation forecasts');
    expect(choice.trials).toHaveLength(4);
  });

  it('keeps a simpler transform unless the other is at least 5% better', () => {
    const close = pickTransform(
      [
        { transform: 'none', validationMae: 10 },
        { transform: 'difference', validationMae: 9.6 },
      ],
      10,
    );
    expect(close.transform).toBe('none');
    const clear = pickTransform(
      [
        { transform: 'none', validationMae: 10 },
        { transform: 'difference', validationMae: 9.4 },
      ],
      10,
    );
    expect(clear.transform).toBe('difference');
  });

  it('reports transforms that were not tried', () => {
    const choice = pickTransform(
      [
        { transform: 'none', validationMae: 2 },
        { transform: 'log', skipped: 'log needs every value above 0, and value 3 is -1' },
        { transform: 'difference', validationMae: 3 },
      ],
      8,
    );
    expect(choice.transform).toBe('none');
    expect(choice.reason).toContain('log not tried: log needs every value above 0');
  });
});

describe('validationOrigins', () => {
  it('takes the last origins whose horizon ends inside the values', () => {
    expect(validationOrigins(100, 5, 3, 10)).toEqual([93, 94, 95]);
  });

  it('spreads them evenly when there are more than the maximum', () => {
    expect(validationOrigins(100, 5, 21, 3)).toEqual([75, 85, 95]);
    expect(validationOrigins(100, 5, 0, 3)).toEqual([]);
  });
});
