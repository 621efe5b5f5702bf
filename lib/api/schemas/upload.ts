// The multipart text fields of the upload routes (preview, import, append): how to read the file,
// as strings from a form, checked and turned into ingest's ParseOptions. Pure (zod and ingest's
// option lists, no decoding or parsing), so the upload page checks its fields with it too.
import { z } from 'zod';
import {
  AGGREGATIONS,
  DECIMAL_SEPARATORS,
  DUPLICATE_POLICIES,
  GAP_POLICIES,
  LAYOUTS,
  RESAMPLE_FREQUENCIES,
  TEXT_ENCODINGS,
} from '@/lib/ingest/options';
import { isKnownTimeZone } from '@/lib/ingest/time-zone';
import type { ParseOptions } from '@/lib/ingest/types';

const optionalText = z
  .string()
  .trim()
  .transform((text) => text || undefined)
  .optional();

const commaList = optionalText.transform((text) => {
  const names = text
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names?.length ? names : undefined;
});

const booleanText = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .enum(['true', 'false'], { error: 'must be "true" or "false"' })
    .transform((text) => text === 'true')
    .optional(),
);

/** An enum field where an empty value means "not set" (HTML selects send "" for "detect"). */
function choice<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = values.map((v) => `"${v}"`).join(', ');
  return z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(values, { error: `must be one of ${allowed}` }).optional(),
  );
}

/** The optional form fields that steer parsing (upload, preview and append accept them). */
export const parseFieldsSchema = z
  .object({
    timeColumn: optionalText,
    valueColumns: commaList,
    delimiter: z
      .string()
      .transform((text) => (text === '\\t' || text.toLowerCase() === 'tab' ? '\t' : text))
      .pipe(z.string().length(1, 'delimiter must be a single character (use "tab" or "\\t" for tabs)'))
      .optional(),
    layout: choice(LAYOUTS),
    idColumns: commaList,
    decimal: choice(DECIMAL_SEPARATORS),
    hasHeader: booleanText,
    dayFirst: booleanText,
    gapPolicy: choice(GAP_POLICIES),
    duplicatePolicy: choice(DUPLICATE_POLICIES),
    resampleFrequency: choice(RESAMPLE_FREQUENCIES),
    resampleAggregation: choice(AGGREGATIONS),
    encoding: choice(TEXT_ENCODINGS),
    timeZone: optionalText.refine((zone) => zone === undefined || isKnownTimeZone(zone), {
      error: 'must be an IANA time zone name such as "Europe/Berlin" or "America/New_York"',
    }),
  })
  .superRefine((fields, context) => {
    if (fields.resampleAggregation && !fields.resampleFrequency) {
      context.addIssue({
        code: 'custom',
        path: ['resampleFrequency'],
        message: 'resampleAggregation needs resampleFrequency (the step to resample to)',
      });
    }
    if (fields.layout === 'wide' && fields.idColumns) {
      context.addIssue({
        code: 'custom',
        path: ['idColumns'],
        message: 'id columns only apply to the long layout: drop idColumns or set layout to "long"',
      });
    }
  })
  .transform(({ resampleFrequency, resampleAggregation, ...options }): Omit<ParseOptions, 'partial'> => {
    // Resampling without a named aggregation averages each period's values.
    const resample = resampleFrequency && { frequency: resampleFrequency, aggregation: resampleAggregation ?? 'mean' };
    return resample ? { ...options, resample } : options;
  });

export const uploadFieldsSchema = z
  .object({ name: optionalText.pipe(z.string().max(200, 'name must be at most 200 characters').optional()) })
  .and(parseFieldsSchema)
  .transform(({ name, ...options }) => ({ name, options: options as Omit<ParseOptions, 'partial'> }));
