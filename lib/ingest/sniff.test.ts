import { describe, expect, it } from 'vitest';
import { detectDialect, detectNotCsv, isBlank } from './sniff';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('detectNotCsv', () => {
  it.each([
    ['html', bytes('\n  <!DOCTYPE html><html></html>')],
    ['html', bytes('<html lang="en">')],
    ['json', bytes('{"date": "2024-01-01"}')],
    ['json', bytes(' [ {"a": 1} ]')],
    ['json', bytes('[1, 2, 3]')],
    ['binary', Buffer.from([0x41, 0x00, 0x42])],
    ['zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14])],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08])],
    ['pdf', bytes('%PDF-1.7')],
  ])('recognises %s', (kind, head) => {
    expect(detectNotCsv(head)).toBe(kind);
  });

  it('lets CSV through, including a bracketed header and a BOM', () => {
    expect(detectNotCsv(bytes('date,value\n2024-01-01,1\n'))).toBeNull();
    expect(detectNotCsv(bytes('[Date],[Sales]\n2024-01-01,1\n'))).toBeNull();
    expect(detectNotCsv(bytes('\ufeffdate;value\n'))).toBeNull();
  });

  it('sees blank heads', () => {
    expect(isBlank(bytes('\ufeff \r\n\n'))).toBe(true);
    expect(isBlank(bytes('a'))).toBe(false);
  });
});

describe('detectDialect', () => {
  const delimiterOf = (text: string, complete = true) => detectDialect(text, complete).delimiter;

  it('finds comma, semicolon, tab and pipe', () => {
    expect(delimiterOf('date,a,b\n2024-01-01,1.5,2\n')).toBe(',');
    expect(delimiterOf('date;a;b\n2024-01-01;1,5;2,25\n2024-01-02;3,5;1\n')).toBe(';');
    expect(delimiterOf('date\ta\n2024-01-01\t1,000\n')).toBe('\t');
    expect(delimiterOf('date|a|b\n2024-01-01|1|2\n')).toBe('|');
  });

  it('ignores delimiters inside quotes', () => {
    const text = 'date;"note, with commas";v\n2024-01-01;"a, b, c";1\n2024-01-02;"d, e";2\n';
    expect(delimiterOf(text)).toBe(';');
  });

  it('prefers the candidate that splits every record like the header', () => {
    // Commas appear in every row but not consistently; semicolons do.
    const text = 'date;value\n2024-01-01;1,5\n2024-01-02;2\n2024-01-03;2,5\n';
    expect(delimiterOf(text)).toBe(';');
  });

  it('ignores a possibly cut last line of a partial head', () => {
    const text = 'a;b\n1;2\n3;4\n5,6,7,8,9';
    expect(delimiterOf(text, false)).toBe(';');
  });

  it('defaults to comma for a single column', () => {
    expect(delimiterOf('value\n1\n2\n')).toBe(',');
  });

  it("obeys Excel's sep= line", () => {
    expect(detectDialect('sep=|\na,b|c\n', true)).toEqual({ delimiter: '|', linesBeforeHeader: 1 });
  });
});
