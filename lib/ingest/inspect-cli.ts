// `npm run inspect -- <file.csv> [--json] [options]`: how a CSV would import, without storing
// anything. The file is streamed from disk as a Blob, the way the upload route reads its File.
// Exit status: 0 importable, 1 not importable, 2 usage error.
import { openAsBlob } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatInspection, inspectFile } from './inspect';
import { optionProblems } from './options';
import { parseCsv } from './parse-csv';
import type { ParseOptions } from './types';

const USAGE = `Usage: npm run inspect -- <file.csv> [--json] [options]

Options (each overrides what is detected):
  --json                      print one JSON object instead of the report
  --delimiter <char>          field delimiter ("tab" for tabs)
  --decimal <. or ,>          decimal separator
  --header / --no-header      whether the first row is a header
  --day-first / --month-first how to read a/b/yyyy dates (default: decided by the data)
  --time-column <name>
  --time-zone <IANA name>     zone of times written without an offset, e.g. Europe/Berlin (default: UTC)
  --value-columns <a,b>       only these columns become series
  --layout <wide|long>
  --id-columns <a,b>          id columns of a long file
  --gap-policy <leave|linear|ffill|zero>
  --duplicate-policy <error|mean|sum|last>
  --resample <frequency:aggregation>   e.g. daily:sum`;

class UsageError extends Error {}

function names(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((name) => name.trim());
}

/** The file and the parse options from the command line; throws UsageError on bad arguments. */
function parseArguments(args: string[]): { file: string; json: boolean; options: ParseOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        delimiter: { type: 'string' },
        decimal: { type: 'string' },
        header: { type: 'boolean' },
        'no-header': { type: 'boolean' },
        'day-first': { type: 'boolean' },
        'month-first': { type: 'boolean' },
        'time-column': { type: 'string' },
        'time-zone': { type: 'string' },
        'value-columns': { type: 'string' },
        layout: { type: 'string' },
        'id-columns': { type: 'string' },
        'gap-policy': { type: 'string' },
        'duplicate-policy': { type: 'string' },
        resample: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  if (positionals.length === 0) throw new UsageError('Name a CSV file.');
  if (positionals.length > 1) throw new UsageError('Name one file only.');
  if (values.header && values['no-header']) throw new UsageError('Use --header or --no-header, not both.');
  if (values['day-first'] && values['month-first']) throw new UsageError('Use --day-first or --month-first, not both.');

  let resample: ParseOptions['resample'];
  if (values.resample !== undefined) {
    const [frequency, aggregation] = values.resample.split(':');
    resample = { frequency, aggregation } as ParseOptions['resample'];
  }
  const delimiter = values.delimiter === 'tab' || values.delimiter === '\\t' ? '\t' : values.delimiter;
  const options: ParseOptions = {
    delimiter,
    decimal: values.decimal as ParseOptions['decimal'],
    hasHeader: values.header ? true : values['no-header'] ? false : undefined,
    dayFirst: values['day-first'] ? true : values['month-first'] ? false : undefined,
    timeColumn: values['time-column'],
    timeZone: values['time-zone'],
    valueColumns: names(values['value-columns']),
    layout: values.layout as ParseOptions['layout'],
    idColumns: names(values['id-columns']),
    gapPolicy: values['gap-policy'] as ParseOptions['gapPolicy'],
    duplicatePolicy: values['duplicate-policy'] as ParseOptions['duplicatePolicy'],
    resample,
  };
  const invalid = optionProblems(options);
  if (invalid.length > 0) throw new UsageError(invalid.map((p) => p.message).join('\n'));
  return { file: positionals[0], json: values.json ?? false, options };
}

async function main(args: string[]): Promise<number> {
  let request;
  try {
    request = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(USAGE);
    return 2;
  }
  let blob: Blob;
  try {
    blob = await openAsBlob(request.file);
  } catch (error) {
    console.error(`Cannot read ${request.file}: ${(error as Error).message}`);
    return 2;
  }
  const inspection = inspectFile(await parseCsv(blob.stream(), request.options));
  console.log(request.json ? JSON.stringify(inspection, null, 2) : formatInspection(inspection, request.file));
  return inspection.ok ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
