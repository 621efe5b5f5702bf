// What the first bytes of an upload tell before the CSV reader runs: whether it is text at all,
// and which delimiter separates its fields. (UTF-16 is decoded before this, see encoding.ts.)
import type { NotCsvKind } from './problems';

/** Bytes searched for NUL characters: enough to catch every binary format. */
const BINARY_WINDOW = 8192;
/** Records looked at to choose the delimiter. */
const DELIMITER_SAMPLE_RECORDS = 20;

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

function startsWith(head: Buffer, bytes: number[]): boolean {
  return bytes.every((byte, i) => head[i] === byte);
}

/** Text of the head without a UTF-8 byte order mark. */
export function headText(head: Buffer): string {
  const text = head.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What the file is instead of CSV, or null when it looks like text that may be CSV. */
export function detectNotCsv(head: Buffer): NotCsvKind | null {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (head.subarray(0, BINARY_WINDOW).includes(0)) return 'binary';
  const text = headText(head.subarray(0, BINARY_WINDOW)).trimStart();
  if (/^<(?:!doctype|html|\?xml|head|body|table|div|!--)/i.test(text)) return 'html';
  // '[' alone could open a bracketed header such as "[Date],[Sales]".
  if (/^(?:\{|\[\s*(?:[{["\d\]-]|true|false|null))/.test(text)) return 'json';
  return null;
}

/** True when the head holds nothing but whitespace (and maybe a byte order mark). */
export function isBlank(head: Buffer): boolean {
  return headText(head).trim() === '';
}

export interface Dialect {
  delimiter: string;
  /** Lines before the header: 1 for Excel's "sep=;" line, else 0. */
  linesBeforeHeader: number;
}

/**
 * The delimiter of the first records: the candidate that splits the most records into as many
 * fields as the header, preferring more fields on a tie. Excel's "sep=X" first line is obeyed.
 * `complete` says whether `text` is the whole file (else its last line may be cut).
 */
export function detectDialect(text: string, complete: boolean): Dialect {
  const excelHint = /^sep=(.)\r?\n/i.exec(text);
  if (excelHint) return { delimiter: excelHint[1], linesBeforeHeader: 1 };

  const counts = countDelimitersPerRecord(text, complete);
  let best: string = DELIMITER_CANDIDATES[0];
  let bestConsistent = -1;
  let bestFields = 0;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const perRecord = counts.map((record) => record.get(delimiter) ?? 0);
    const headerFields = perRecord[0] ?? 0;
    if (headerFields === 0) continue;
    const consistent = perRecord.filter((n) => n === headerFields).length;
    if (consistent > bestConsistent || (consistent === bestConsistent && headerFields > bestFields)) {
      best = delimiter;
      bestConsistent = consistent;
      bestFields = headerFields;
    }
  }
  return { delimiter: best, linesBeforeHeader: 0 };
}

/** Per non-blank record, how often each candidate occurs outside double quotes. */
function countDelimitersPerRecord(text: string, complete: boolean): Map<string, number>[] {
  const records: Map<string, number>[] = [];
  let current = new Map<string, number>();
  let blank = true;
  let inQuotes = false;
  for (let i = 0; i < text.length && records.length < DELIMITER_SAMPLE_RECORDS; i++) {
    const char = text[i];
    if (char === '"') {
      inQuotes = !inQuotes;
      blank = false;
    } else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (!blank) records.push(current);
      current = new Map();
      blank = true;
    } else if (!inQuotes && (DELIMITER_CANDIDATES as readonly string[]).includes(char)) {
      current.set(char, (current.get(char) ?? 0) + 1);
      blank = false;
    } else if (char !== ' ') {
      blank = false;
    }
  }
  if (complete && !blank && records.length < DELIMITER_SAMPLE_RECORDS) records.push(current);
  return records;
}
