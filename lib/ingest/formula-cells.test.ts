import { describe, expect, it } from 'vitest';
import { FormulaCells, isFormulaLike } from './formula-cells';

describe('isFormulaLike', () => {
  it.each(['=SUM(A1:A3)', '@north', '+cmd|calc', '-north', '  =1+1', '=', '-5 kg'])('flags %j', (text) => {
    expect(isFormulaLike(text)).toBe(true);
  });

  it.each(['north', '-5', '+3', '-1,5', '+.5', '-', '--', '', 'a=b', '2024-01-01'])('lets %j pass', (text) => {
    expect(isFormulaLike(text)).toBe(false);
  });
});

describe('FormulaCells', () => {
  it('counts formula-like cells per column with their rows', () => {
    const cells = new FormulaCells();
    cells.check(1, '=1+1', 2);
    cells.check(1, 'north', 3);
    cells.check(1, '@x', 4);
    cells.check(2, undefined, 4);
    expect(cells.of(1)).toMatchObject({ count: 2, rows: [2, 4], texts: ['=1+1', '@x'] });
    expect(cells.of(2)).toBeUndefined();
  });
});
