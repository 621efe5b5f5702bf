// Multipart uploads: the size limit is enforced from Content-Length before the body is read, and
// again on the file itself (a chunked request has no length).
import { z } from 'zod';
import {
  AGGREGATIONS,
  DECIMAL_SEPARATORS,
  DUPLICATE_POLICIES,
  GAP_POLICIES,
  LAYOUTS,
  RESAMPLE_FREQUENCIES,
  type ParseOptions,
} from '@/lib/ingest';
import { badRequest, fileTooLarge } from './errors';

const DEFAULT_MAX_UPLOAD_MB = 200;

export function maxUploadMb(): number {
  const configured = Number(process.env.HORIZON_MAX_UPLOAD_MB);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_UPLOAD_MB;
}

export interface CsvUpload {
  file: File;
  /** Text fields of the form, for the route's schema. */
  fields: Record<string, string>;
}

/** Reads a multipart form with a `file` field; 413 over the limit, 400 without a file. */
export async function readCsvUpload(request: Request): Promise<CsvUpload> {
  const limitMb = maxUploadMb();
  const limitBytes = limitMb * 1024 * 1024;
  if (Number(request.headers.get('content-length') ?? 0) > limitBytes) throw fileTooLarge(limitMb);

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw badRequest('Send the CSV as multipart/form-data with the file in a field named "file".');
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') {
    throw badRequest('The form has no file: put the CSV in a field named "file".', {
      issues: [{ path: 'file', message: 'Required: a file' }],
    });
  }
  if (file.size > limitBytes) throw fileTooLarge(limitMb);

  const fields: Record<string, string> = {};
  form.forEach((value, key) => {
    if (typeof value === 'string') fields[key] = value;
  });
  return { file, fields };
}

const optionalText = z
  .string()
  .trim()
  .transform((text) => text || undefined)
  .optional();

const commaList = optionalText.transform((text) => {
  const names = text?.split(',').map((name) => name.trim()).filter(Boolean);
  return names?.length ? names : undefined;
});

const booleanText = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.enum(['true', 'false'], { error: 'must be "true" or "false"' }).transform((text) => text === 'true').optional(),
);

/** An enum field where an empty value means "not set" (HTML selects send "" for "detect"). */
function choice<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = values.map((v) => `"${v}"`).join(', ');
  return z.preprocess((value) => (value === '' ? undefined : value), z.enum(values, { error: `must be one of ${allowed}` }).optional());
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
    gapPolicy: choice(GAP_POLICIES),
    duplicatePolicy: choice(DUPLICATE_POLICIES),
    resampleFrequency: choice(RESAMPLE_FREQUENCIES),
    resampleAggregation: choice(AGGREGATIONS),
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
