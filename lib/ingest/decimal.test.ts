import { describe, expect, it } from 'vitest';
import { detectDecimal } from './decimal';

describe('detectDecimal', () => {
  it('follows unambiguous decimals of either kind', () => {
    expect(detectDecimal(['1,5', '2', 'north'], '\t')).toBe(',');
    expect(detectDecimal(['0,125', '1234,567'], ',')).toBe(',');
    expect(detectDecimal(['1.5', '2'], ';')).toBe('.');
  });

  it('does not take a possible thousands separator for a decimal', () => {
    expect(detectDecimal(['1,234', '12,500'], '\t')).toBe('.');
  });

  it('falls back to the delimiter: semicolon files use commas', () => {
    expect(detectDecimal(['1', '2'], ';')).toBe(',');
    expect(detectDecimal(['1', '2'], ',')).toBe('.');
    expect(detectDecimal(['1,5', '2.5'], ';')).toBe(',');
    expect(detectDecimal(['1,5', '2.5'], '|')).toBe('.');
  });
});
