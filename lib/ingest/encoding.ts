// Text encodings. CSV is read as UTF-8; UTF-16 (what Excel's "Unicode text" and many Windows tools
// write) is decoded to UTF-8 on the fly, and so is Windows-1252 (Excel's "CSV" on Western Windows)
// when the file's head is not UTF-8, or when the caller says so. Bytes that are not UTF-8 only
// further down a file that started as UTF-8 are reported with their row rather than silently read
// as replacement characters.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

import type { TextEncoding } from './text-encodings';

export { TEXT_ENCODINGS, type TextEncoding } from './text-encodings';

/** Bytes looked at for the NUL pattern of UTF-16 text without a byte order mark. */
const UTF16_SNIFF_BYTES = 1024;
/** Share of a UTF-16 head's high bytes that are NUL when the text is mostly Latin characters. */
const UTF16_NUL_SHARE = 0.9;

/** The encoding of a file from its first bytes: a UTF-16 byte order mark or NUL pattern, else UTF-8. */
export function detectEncoding(head: Buffer): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  // Without a mark: ASCII text in UTF-16 has a NUL as every second byte, and only there.
  const length = Math.min(head.length, UTF16_SNIFF_BYTES) & ~1;
  if (length < 4) return 'utf8';
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls >= pairs * UTF16_NUL_SHARE && evenNuls === 0) return 'utf16le';
  if (evenNuls >= pairs * UTF16_NUL_SHARE && oddNuls === 0) return 'utf16be';
  return 'utf8';
}

/**
 * 'windows-1252' for a head that is not UTF-8 (a character cut at the end of a head does not
 * count), else what detectEncoding says. Windows-1252 maps every byte to a character, so it cannot
 * be told from Latin-1 or other single-byte encodings: the caller can name another.
 */
export function detectTextEncoding(head: Buffer, complete: boolean): TextEncoding {
  const detected = detectEncoding(head);
  if (detected !== 'utf8') return detected;
  const body = complete ? head : head.subarray(0, completeCharacters(head));
  return isUtf8(body) ? 'utf8' : 'windows-1252';
}

/** Windows-1252 chunks as UTF-8 chunks (iconv-lite: single-byte, so no state between chunks). */
export async function* decodeWindows1252Stream(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield Buffer.from(iconv.decode(chunk, 'win1252'), 'utf8');
}

/** UTF-16 chunks as UTF-8 chunks; characters split between chunks and the byte order mark are handled. */
export async function* decodeUtf16(
  chunks: AsyncIterable<Buffer>,
  encoding: 'utf16le' | 'utf16be',
): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest !== '') yield Buffer.from(rest, 'utf8');
}

/** Bytes that are not UTF-8, where they are, and how the line around them reads as Windows-1252. */
export class EncodingError extends Error {
  constructor(
    /** 1-based line of the file. */
    readonly line: number,
    readonly byte: number,
    readonly asWindows1252: string,
  ) {
    super(`Byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} on line ${line} is not UTF-8`);
    this.name = 'EncodingError';
  }
}

const LF = 0x0a;
/** Bytes of the offending line quoted in the error. */
const QUOTED_LINE_BYTES = 80;

/**
 * Passes chunks through unchanged, throwing an EncodingError at the first byte that is not UTF-8.
 * `partial`: the input may be cut, so an incomplete character at its very end is not an error.
 */
export async function* checkUtf8(chunks: AsyncIterable<Buffer>, partial = false): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  let lineBreaks = 0;
  // The start of the current line from earlier chunks, to quote the whole line in the error.
  let lineHead = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = completeCharacters(bytes);
    const body = bytes.subarray(0, end);
    if (!isUtf8(body)) throw encodingError(body, firstInvalidByte(body), lineBreaks, lineHead);
    lineBreaks += countLineBreaks(body, body.length);
    const lastBreak = body.lastIndexOf(LF);
    lineHead = lastBreak >= 0 ? Buffer.from(body.subarray(lastBreak + 1)) : Buffer.concat([lineHead, body]);
    if (lineHead.length > QUOTED_LINE_BYTES) lineHead = lineHead.subarray(0, QUOTED_LINE_BYTES);
    carry = end < bytes.length ? Buffer.from(bytes.subarray(end)) : null;
    yield chunk;
  }
  if (carry && !partial) throw encodingError(carry, 0, lineBreaks, lineHead);
}

/** Length of `bytes` without an incomplete multi-byte character at its end. */
function completeCharacters(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const byte = bytes[i];
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) return i + sequenceLength(byte) > bytes.length ? i : bytes.length;
  }
  return bytes.length;
}

/** Bytes of the character a lead byte starts (1 for bytes that cannot start one). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  if (lead >= 0xe0) return lead <= 0xef ? 3 : 1;
  if (lead >= 0xc2) return 2;
  return 1;
}

/** Offset of the first byte that does not start a valid UTF-8 character (only called on invalid input). */
function firstInvalidByte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const length = bytes[i] < 0x80 ? 1 : sequenceLength(bytes[i]);
    if (bytes[i] >= 0x80 && (length === 1 || !isUtf8(bytes.subarray(i, i + length)))) return i;
    i += length;
  }
  return i;
}

function countLineBreaks(bytes: Buffer, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(LF); i >= 0 && i < end; i = bytes.indexOf(LF, i + 1)) count++;
  return count;
}

/** `lineHead`: the bytes of the line before `bytes` begins, used when the line starts earlier. */
function encodingError(bytes: Buffer, offset: number, lineBreaksBefore: number, lineHead: Buffer): EncodingError {
  // (A negative start would make lastIndexOf search from the end.)
  const breakBefore = offset === 0 ? -1 : bytes.lastIndexOf(LF, offset - 1);
  const nextBreak = bytes.indexOf(LF, offset);
  const line = Buffer.concat([
    breakBefore < 0 ? lineHead : Buffer.alloc(0),
    bytes.subarray(breakBefore + 1, nextBreak < 0 ? bytes.length : nextBreak),
  ]);
  const text = decodeWindows1252(line.subarray(0, QUOTED_LINE_BYTES)).trim();
  return new EncodingError(lineBreaksBefore + countLineBreaks(bytes, offset) + 1, bytes[offset], text);
}

/** Windows-1252's characters for 0x80..0x9F (where Latin-1 has control codes); '' where it has none. */
const WINDOWS_1252_HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

/**
 * Windows-1252, the usual encoding of CSVs from Excel on Windows outside UTF-8, decoded by hand:
 * Node's TextDecoder treats the label as Latin-1 and loses characters such as €.
 */
function decodeWindows1252(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) {
    const high = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : null;
    if (high === null) text += String.fromCharCode(byte);
    else if (high !== '\u0000') text += high;
  }
  return text;
}
