import { describe, expect, it } from 'vitest';
import { chooseTimeColumn, columnNames, looksLikeDataRow } from './columns';

describe('columnNames', () => {
  it('trims, names empty headers and numbers repeats', () => {
    expect(columnNames([' date ', '', 'sales', 'sales', 'sales'])).toEqual([
      'date',
      'column_2',
      'sales',
      'sales_2',
      'sales_3',
    ]);
  });
});

describe('looksLikeDataRow', () => {
  it('recognises a first row of data', () => {
    expect(looksLikeDataRow(['2024-01-01', '12.5', ''])).toBe(true);
    expect(looksLikeDataRow(['date', 'value'])).toBe(false);
    expect(looksLikeDataRow(['2024-01-01', 'north'])).toBe(false);
    expect(looksLikeDataRow(['1880', '0.2'])).toBe(false); // a year header is still a header
  });
});

describe('chooseTimeColumn', () => {
  const rows = (...r: string[][]) => r;

  it('prefers a time-named column whose values are dates', () => {
    const choice = chooseTimeColumn(
      ['id', 'Order Date', 'date'],
      rows(['1', '2024-01-01', '2024-02-01'], ['2', '2024-01-02', '2024-02-02']),
    );
    expect(choice?.index).toBe(2); // exact name beats a name containing "date"
    expect(choice?.format?.id).toBe('iso');
  });

  it('falls back to the first column holding written-out dates', () => {
    const choice = chooseTimeColumn(['sales', 'when'], rows(['10', '01.01.2024'], ['11', '02.01.2024']));
    expect(choice?.index).toBe(1);
  });

  it('reads bare integers as time only in a time-named or the first column', () => {
    expect(chooseTimeColumn(['t', 'v'], rows(['1700000000', '1'], ['1700003600', '2']))?.index).toBe(0);
    expect(chooseTimeColumn(['v', 'w'], rows(['1', '1990'], ['2', '1991']))).toBeNull();
    expect(chooseTimeColumn(['v', 'year'], rows(['1', '1990'], ['2', '1991']))?.index).toBe(1);
  });

  it('keeps a time-named column without dates so its values can be reported', () => {
    expect(chooseTimeColumn(['date', 'v'], rows(['soon', '1'], ['later', '2']))).toEqual({ index: 0, format: null });
    expect(chooseTimeColumn(['store', 'v'], rows(['north', '1']))).toBeNull();
  });

  it('uses the requested column whatever its name', () => {
    const choice = chooseTimeColumn(['a', 'b'], rows(['2024-01-01', '1880'], ['2024-01-02', '1881']), 1);
    expect(choice).toEqual({ index: 1, format: expect.objectContaining({ id: 'year' }) });
  });
});
