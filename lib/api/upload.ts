// Multipart uploads: the size limit is enforced from Content-Length before the body is read, and
// again on the file itself (a chunked request has no length).
import { z } from 'zod';
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

/** The optional form fields that steer parsing (both upload and preview accept them). */
export const parseFieldsSchema = z.object({
  timeColumn: optionalText,
  valueColumns: optionalText.transform((text) => {
    const columns = text?.split(',').map((column) => column.trim()).filter(Boolean);
    return columns?.length ? columns : undefined;
  }),
  delimiter: z
    .string()
    .transform((text) => (text === '\\t' || text.toLowerCase() === 'tab' ? '\t' : text))
    .pipe(z.string().length(1, 'delimiter must be a single character (use "tab" or "\\t" for tabs)'))
    .optional(),
});

export const uploadFieldsSchema = parseFieldsSchema.extend({
  name: optionalText.pipe(z.string().max(200, 'name must be at most 200 characters').optional()),
});
