// The text encodings a file can be read in, by name: apart from the decoding (encoding.ts, which
// needs Node's Buffer and iconv-lite), so the API schemas and the browser's forms can list them.
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows-1252';
export const TEXT_ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'windows-1252'] as const satisfies readonly TextEncoding[];
