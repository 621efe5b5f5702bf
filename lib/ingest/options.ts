// The values each parse option accepts (for callers' form schemas too), and checking options that
// arrive from outside TypeScript, such as API form fields, before any byte is read.
import { REGULAR_FREQUENCIES } from '@/lib/forecast/time';
import { TEXT_ENCODINGS } from './text-encodings';
import * as problem from './problems';
import { isKnownTimeZone } from './time-zone';

export { TEXT_ENCODINGS };
import type { Aggregation, DecimalSeparator, DuplicatePolicy, GapPolicy, Layout, ParseOptions, Problem } from './types';

export const LAYOUTS = ['wide', 'long'] as const satisfies readonly Layout[];
export const DECIMAL_SEPARATORS = ['.', ','] as const satisfies readonly DecimalSeparator[];
export const GAP_POLICIES = ['leave', 'linear', 'ffill', 'zero'] as const satisfies readonly GapPolicy[];
export const DUPLICATE_POLICIES = ['error', 'mean', 'sum', 'last'] as const satisfies readonly DuplicatePolicy[];
export const AGGREGATIONS = ['mean', 'sum', 'last', 'min', 'max'] as const satisfies readonly Aggregation[];
/** Every regular frequency ('15min', 'hourly', 'business-daily', ...) is a resampling target. */
export const RESAMPLE_FREQUENCIES = REGULAR_FREQUENCIES;

function oneOf(name: string, value: unknown, allowed: readonly string[]): Problem | null {
  if (value === undefined || (typeof value === 'string' && allowed.includes(value))) return null;
  return problem.invalidOption(name, String(value), `one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
}

/** Problems with the option values themselves; column names are checked against the header later. */
export function optionProblems(options: ParseOptions): Problem[] {
  const found = [
    oneOf('layout', options.layout, LAYOUTS),
    oneOf('decimal', options.decimal, DECIMAL_SEPARATORS),
    oneOf('gapPolicy', options.gapPolicy, GAP_POLICIES),
    oneOf('duplicatePolicy', options.duplicatePolicy, DUPLICATE_POLICIES),
    oneOf('encoding', options.encoding, TEXT_ENCODINGS),
  ];
  if (options.resample !== undefined) {
    found.push(
      oneOf('resample.frequency', options.resample.frequency, RESAMPLE_FREQUENCIES),
      oneOf('resample.aggregation', options.resample.aggregation, AGGREGATIONS),
    );
  }
  if (options.dayFirst !== undefined && typeof options.dayFirst !== 'boolean') {
    found.push(problem.invalidOption('dayFirst', String(options.dayFirst), 'true (DD/MM/YYYY) or false (MM/DD/YYYY)'));
  }
  if (options.timeZone !== undefined && (typeof options.timeZone !== 'string' || !isKnownTimeZone(options.timeZone))) {
    found.push(
      problem.invalidOption(
        'timeZone',
        String(options.timeZone),
        'an IANA time zone name such as "Europe/Berlin" or "America/New_York"',
      ),
    );
  }
  if (options.layout === 'wide' && options.idColumns?.some((name) => name.trim() !== '')) {
    const expected = 'left unset or "long" when id columns are given: only the long layout has id columns';
    found.push(problem.invalidOption('layout', 'wide', expected));
  }
  return found.filter((p): p is Problem => p !== null);
}

/** Column names from an option, trimmed, blanks dropped; null when the option is not set. */
export function requestedNames(names: readonly string[] | undefined): string[] | null {
  return names?.map((name) => name.trim()).filter((name) => name !== '') ?? null;
}
