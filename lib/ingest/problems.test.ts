import { describe, expect, it } from 'vitest';
import { describeRows, nonNumericCells, raggedRows, RowExamples } from './problems';

function examples(rows: number[], texts: string[] = []): RowExamples {
  const out = new RowExamples();
  rows.forEach((row, i) => out.add(row, texts[i] ?? ''));
  return out;
}

describe('describeRows', () => {
  it('names one, several, or the first five and how many more', () => {
    expect(describeRows(examples([4]))).toBe('row 4');
    expect(describeRows(examples([4, 9, 12]))).toBe('rows 4, 9 and 12');
    expect(describeRows(examples([1, 2, 3, 4, 5, 6, 7]))).toBe('rows 1, 2, 3, 4, 5 and 2 more');
  });
});

describe('messages', () => {
  it('say what is wrong and how to fix it, with the rows', () => {
    const ragged = raggedRows(examples([14]), 4, 5, ';');
    expect(ragged).toMatchObject({ code: 'ragged_rows', severity: 'error', row: 14, count: 1 });
    expect(ragged.message).toBe(
      'Row 14 has 5 fields but the header has 4. Check for an unquoted delimiter (";") inside a value ' +
        'in that row and put such values in double quotes.',
    );
    expect(raggedRows(examples([3, 8]), 4, 2, ',').message).toContain('Add the missing cells');

    const cells = nonNumericCells('sales', examples([6, 11], ['n.a.', '']));
    expect(cells.message).toContain('rows 6 and 11 contain text ("n.a." in row 6, an empty cell in row 11)');
    expect(cells).toMatchObject({ column: 'sales', row: 6, count: 2 });
  });
});
