// Forecast one series of a CSV file from the command line, or all of them with --all:
//   npm run forecast -- <file.csv> [--time COL] [--time-zone TZ] [--value COL] [--id COL] [--horizon H] [--lookback L]
//                       [--epochs E] [--layers 1|2] [--seed S] [--seeds N] [--no-search] [--search-budget S]
//                       [--global] [--all] [--json] [--covariates a,b] [--past-covariates c,d] [--holidays CC]
// The one engine file that imports ingest: it reads the CSV the same way an upload is read.
// stdout carries only the report (with --json exactly one JSON object); every log, tfjs's
// included, goes to stderr.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { MODEL_CATALOG } from './registry/catalog';
import type { ForecastConfig } from './types';

/** 'a, b and c'. */
const joinNames = (names: readonly string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
const always = MODEL_CATALOG.filter((m) => !m.optional);
const compared = always.filter((m) => m.family !== 'baseline').map((m) => m.phrase);
const baselines = always.filter((m) => m.family === 'baseline').map((m) => m.label);
/** What the CLI does, naming the registry's models, wrapped at 100 columns. */
const ABOUT = (
  `Forecasts one series of the file with ${compared.join(', ')} and the ${joinNames(baselines)} baselines, ` +
  'all backtested on the last windows of the series, and prints the forecast of the champion (the lowest ' +
  'backtest MASE, or the average of the models within 20% of it). With --global, a file of several series also trains ' +
  'one LSTM across all of them (lstmGlobal).'
)
  .replace(/(.{1,99})(?: |$)/g, '$1\n')
  .trimEnd();

const USAGE = `Usage: npm run forecast -- <file.csv> [options]

${ABOUT}

Options:
  --time COL       time column (default: detected)
  --time-zone TZ   IANA zone of times written without an offset, e.g. Europe/Berlin (default: UTC);
                   offsets written in the file win
  --value COL      value column to forecast (default: the first numeric column)
  --horizon H      steps to forecast (default: about one season)
  --lookback L     input window length (default: about two seasons)
  --epochs E       training epochs (default: fitted to the series length)
  --layers N       stacked LSTM layers, 1 or 2 (default: 1)
  --seed S         random seed (default: 42)
  --no-search      train the LSTMs with the settings as given, without the hyperparameter search
  --search-budget S  seconds the hyperparameter search may take (default: grows with the series)
  --seeds N        seeds each LSTM trains, 1-5, forecasting their median (default: 3-5 on a short
                   series, 1 on a long one)
  --global         also train a global LSTM across every series of the file (same frequency),
                   each scaled by its own history; --value then names the series to forecast
  --all            forecast every series of the file (wide or long) as a batch does: one global
                   LSTM trained across them all (--global is implied), then each series' models
                   beside it, per-series LSTMs only up to 20 series; with --json prints
                   { "results": [ <one series' --json object>, ... ], "summary" }
  --id COL         id column(s) of a long file, comma-separated (default: detected)
  --covariates A,B known-future covariates: columns (or long-layout ids) of the file whose values
                   are known for the forecast steps too (promotions, prices): rows after the
                   target's last value, with the target empty and these filled
  --past-covariates C,D
                   past-only covariates (observed temperature): read only before each origin
  --holidays CC    public-holiday calendar: a country, optionally with a region (US, DE-BY)
  --json           print one JSON object instead of the readable report
  -h, --help       show this help
`;

class UsageError extends Error {}

interface CliOptions {
  file: string;
  timeColumn?: string;
  timeZone?: string;
  valueColumn?: string;
  config: Partial<ForecastConfig>;
  json: boolean;
  global: boolean;
  all: boolean;
  idColumns?: string[];
  /** Names of the covariate series, known-future ones first. */
  covariates: { name: string; knownFuture: boolean }[];
}

function integerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new UsageError(`--${name} must be a whole number, got "${value}".`);
  return parsed;
}

function parseCli(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        time: { type: 'string' },
        'time-zone': { type: 'string' },
        value: { type: 'string' },
        horizon: { type: 'string' },
        lookback: { type: 'string' },
        epochs: { type: 'string' },
        layers: { type: 'string' },
        seed: { type: 'string' },
        'no-search': { type: 'boolean', default: false },
        'search-budget': { type: 'string' },
        seeds: { type: 'string' },
        global: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        id: { type: 'string' },
        covariates: { type: 'string' },
        'past-covariates': { type: 'string' },
        holidays: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('Give exactly one CSV file.');
  const config: Partial<ForecastConfig> = {};
  for (const name of ['horizon', 'lookback', 'epochs', 'layers', 'seed', 'seeds'] as const) {
    const value = integerOption(name, values[name]);
    if (value !== undefined) config[name] = value;
  }
  if (values.global) config.globalLstm = true;
  if (values['no-search']) config.search = 'off';
  const budget = integerOption('search-budget', values['search-budget']);
  if (budget !== undefined) config.searchBudgetSeconds = budget;
  if (values.all && values.value !== undefined)
    throw new UsageError('--all forecasts every series: leave out --value.');
  const names = (list: string | undefined) =>
    list
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean) ?? [];
  const idColumns = names(values.id);
  const covariates = [
    ...names(values.covariates).map((name) => ({ name, knownFuture: true })),
    ...names(values['past-covariates']).map((name) => ({ name, knownFuture: false })),
  ];
  if (covariates.length > 0) {
    if (values.all)
      throw new UsageError('--covariates and --past-covariates name inputs of one series: leave out --all.');
    config.covariates = covariates.map((c) => ({ seriesId: c.name, knownFuture: c.knownFuture }));
  }
  if (values.holidays !== undefined) config.holidays = values.holidays.toUpperCase();
  return {
    file: positionals[0],
    timeColumn: values.time,
    timeZone: values['time-zone'],
    valueColumn: values.value,
    config,
    json: values.json,
    global: values.global,
    all: values.all,
    ...(idColumns.length ? { idColumns } : {}),
    covariates,
  };
}

/** tfjs and friends log with console.log/warn; keep all of it off stdout. */
function sendLogsToStderr(): void {
  const toStderr = (...args: unknown[]) => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.warn = toStderr;
  console.debug = toStderr;
}

async function main(argv: string[]): Promise<number> {
  sendLogsToStderr();
  let options: CliOptions | 'help';
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }

  try {
    await access(options.file);
  } catch {
    process.stderr.write(`Cannot read ${options.file}: no such file, or no permission to read it.\n`);
    return 1;
  }
  // Loaded after the console is redirected, so nothing they log at start-up reaches stdout.
  const { parseCsv } = await import('@/lib/ingest');
  const { ForecastError, runForecast } = await import('./index');
  const { formatReport, forecastReport, reportJson } = await import('./report');

  // The global LSTM learns from every series of the file, so --value then picks the target among them.
  const parsed = await parseCsv(createReadStream(options.file), {
    timeColumn: options.timeColumn,
    timeZone: options.timeZone,
    valueColumns:
      options.valueColumn === undefined || options.global
        ? undefined
        : [options.valueColumn, ...options.covariates.map((c) => c.name)],
    ...(options.idColumns ? { idColumns: options.idColumns } : {}),
  });
  for (const problem of parsed.problems) {
    const where = [problem.row && `line ${problem.row}`, problem.column && `column ${problem.column}`].filter(Boolean);
    process.stderr.write(`${problem.severity}${where.length ? ` (${where.join(', ')})` : ''}: ${problem.message}\n`);
  }
  if (!parsed.ok || parsed.series.length === 0) {
    process.stderr.write(`${options.file} cannot be forecast; fix the problems above.\n`);
    return 1;
  }

  if (options.all) {
    const { forecastAll } = await import('./cli-all');
    return forecastAll(parsed.series, options.config, { json: options.json });
  }

  const covariateNames = new Set(options.covariates.map((c) => c.name));
  const series =
    options.valueColumn !== undefined
      ? parsed.series.find((s) => s.name === options.valueColumn)
      : parsed.series.find((s) => !covariateNames.has(s.name));
  if (!series) {
    process.stderr.write(
      `No series "${options.valueColumn}" in ${options.file}; it has ${parsed.series.map((s) => `"${s.name}"`).join(', ')}.\n`,
    );
    return 1;
  }
  const unknown = options.covariates.filter((c) => !parsed.series.some((s) => s.name === c.name));
  if (unknown.length > 0) {
    process.stderr.write(
      `No covariate ${unknown.map((c) => `"${c.name}"`).join(', ')} in ${options.file}; it has ${parsed.series.map((s) => `"${s.name}"`).join(', ')}.\n`,
    );
    return 1;
  }
  const covariates = options.covariates.map(({ name, knownFuture }) => {
    const s = parsed.series.find((x) => x.name === name)!;
    return { seriesId: name, name, knownFuture, t: s.t, v: s.v };
  });
  const others = parsed.series.filter((s) => s !== series && !covariateNames.has(s.name));
  if (others.length > 0) {
    process.stderr.write(
      options.global
        ? `Forecasting "${series.name}" with a global LSTM also trained on ${others.map((s) => `"${s.name}"`).join(', ')}.\n`
        : `Forecasting "${series.name}"; the file also has ${others.map((s) => `"${s.name}"`).join(', ')} (pick one with --value).\n`,
    );
  }
  try {
    const related = options.global ? others.map((s) => ({ name: s.name, t: s.t, v: s.v, frequency: s.frequency })) : [];
    const result = await runForecast(
      { t: series.t, v: series.v, frequency: series.frequency, timeZone: series.timeZone },
      options.config,
      {},
      { related, covariates },
    );
    const report = forecastReport(series.name, series.frequency, result);
    process.stdout.write(options.json ? `${reportJson(report)}\n` : formatReport(report, result));
    return 0;
  } catch (error) {
    if (!(error instanceof ForecastError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
