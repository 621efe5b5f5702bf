import { describe, expect, it } from 'vitest';
import { isMissingValue, parseNumber } from './numbers';

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['+7', 7],
    ['.25', 0.25],
    ['4.', 4],
    ['1e3', 1000],
    ['-2.5E-2', -0.025],
    ['  42  ', 42],
  ])('reads %j', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['1,234', '1 234', '$5', '12%', '0x10', 'Infinity', 'abc', '1.2.3', '', 'e5'])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeNaN();
  });

  it('reads a decimal comma only when asked', () => {
    expect(parseNumber('1,5')).toBeNaN();
    expect(parseNumber('1,5', true)).toBe(1.5);
    expect(parseNumber('-0,25', true)).toBe(-0.25);
    expect(parseNumber('1.234,5', true)).toBeNaN();
  });
});

describe('isMissingValue', () => {
  it.each(['', '  ', 'NA', 'na', 'N/A', 'n/a', '#N/A', 'null', 'NULL', 'NaN', 'None', '-', '--', '?'])(
    '%j is missing',
    (text) => {
      expect(isMissingValue(text)).toBe(true);
    },
  );

  it.each(['0', 'nothing', 'n.a.', 'missing'])('%j is not', (text) => {
    expect(isMissingValue(text)).toBe(false);
  });
});

describe('parseNumber against its pattern', () => {
  // The fast path (a character check, then Number()) must accept exactly what the regex does.
  const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

  it('agrees with the regex on every string of up to 4 characters from 0 1 . e E + -', () => {
    const alphabet = ['0', '1', '.', 'e', 'E', '+', '-'];
    let strings = [''];
    for (let length = 1; length <= 4; length++) {
      strings = strings.flatMap((s) => alphabet.map((c) => s + c));
      for (const text of strings) {
        const expected = DECIMAL.test(text) ? Number(text) : NaN;
        expect(parseNumber(text), JSON.stringify(text)).toBe(expected);
      }
    }
  });
});
