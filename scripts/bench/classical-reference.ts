// Our classical models against R's forecast package, the reference implementations a forecaster
// holds a leaderboard to: ets, auto.arima, thetaf and stlf (MSTL) on the evaluation set's series
// (evaluation-set.ts), each fit on the same training values as ours (the same backtest origins a
// default run uses, and the same recent history each of our models reads) and scored by MASE on
// the same windows. Needs `Rscript` with the forecast package (Debian: r-cran-forecast); it is a
// reference only, never a runtime dependency, and the section says so and skips without it.
// Aim (issue 19): each of our models within 5% of R's MASE. R's auto.arima takes minutes on the
// hourly series; CLASSICAL_REFERENCE_SERIES=<text> keeps only the series whose name contains it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backtestOrigins } from '@/lib/forecast/backtest';
import { classicalFitter } from '@/lib/forecast/classical';
import { ARIMA_MAX_HISTORY } from '@/lib/forecast/classical/auto-arima';
import { etsHistory } from '@/lib/forecast/classical/ets';
import { MSTL_MAX_HISTORY } from '@/lib/forecast/classical/mstl';
import { seasonalPeriods } from '@/lib/forecast/classical/seasonal-periods';
import { THETA_MAX_HISTORY } from '@/lib/forecast/classical/theta';
import { backtestWindowsFor, resolveConfig } from '@/lib/forecast/config';
import { mase } from '@/lib/forecast/metrics';
import { resolveSeason } from '@/lib/forecast/season';
import type { ClassicalName } from '@/lib/forecast/types';
import { evaluationSet } from './evaluation-set';
import { seconds, table } from './format';
import type { BenchSection } from './section';

const MODELS: { ours: ClassicalName; r: string }[] = [
  { ours: 'ets', r: 'ets' },
  { ours: 'autoArima', r: 'auto.arima' },
  { ours: 'theta', r: 'thetaf' },
  { ours: 'mstl', r: 'stlf' },
];
/** "Within 5%": our MASE at most 1.05 x R's. */
const WITHIN = 1.05;

// One job a line: id, R function, frequency, horizon, seasonal periods (;), values (,).
const R_SCRIPT = `
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
lines <- readLines(args[1])
out <- character(length(lines))
for (i in seq_along(lines)) {
  f <- strsplit(lines[i], " ", fixed = TRUE)[[1]]
  id <- f[1]; model <- f[2]; m <- as.numeric(f[3]); h <- as.integer(f[4])
  periods <- if (f[5] == "-") numeric(0) else as.numeric(strsplit(f[5], ";", fixed = TRUE)[[1]])
  y <- as.numeric(strsplit(f[6], ",", fixed = TRUE)[[1]])
  started <- proc.time()[["elapsed"]]
  mean <- tryCatch(suppressWarnings(as.numeric(switch(model,
    ets = forecast(ets(ts(y, frequency = m)), h = h)$mean,
    auto.arima = forecast(auto.arima(ts(y, frequency = m)), h = h)$mean,
    thetaf = thetaf(ts(y, frequency = m), h = h)$mean,
    stlf = if (length(periods) > 0) stlf(msts(y, seasonal.periods = periods), h = h)$mean else rep(NA, h)
  ))), error = function(e) rep(NA, h))
  elapsed <- proc.time()[["elapsed"]] - started
  out[i] <- paste(id, elapsed, paste(mean, collapse = ","))
}
writeLines(out, args[2])
`;

/** Whether Rscript runs and has the forecast package; the reason when not. */
function rAvailable(): string | undefined {
  const probe = spawnSync('Rscript', ['-e', 'cat(requireNamespace("forecast", quietly = TRUE))'], { encoding: 'utf8' });
  if (probe.error) return `Rscript is not installed (${probe.error.message})`;
  if (probe.status !== 0 || !probe.stdout.includes('TRUE')) return 'Rscript runs but the forecast package is missing';
  return undefined;
}

function historyFor(model: ClassicalName, season: number): number {
  switch (model) {
    case 'ets':
      return etsHistory(season);
    case 'autoArima':
      return ARIMA_MAX_HISTORY;
    case 'theta':
      return THETA_MAX_HISTORY;
    case 'mstl':
      return MSTL_MAX_HISTORY;
  }
}

interface Job {
  id: string;
  series: number;
  model: ClassicalName;
  origin: number;
  ours: number[];
  oursMs: number;
}

export const classicalReference: BenchSection = {
  name: 'classical-reference',
  description:
    "ETS, AutoARIMA, Theta and MSTL against R's forecast (ets, auto.arima, thetaf, stlf): backtest MASE per series",
  async run() {
    const missing = rAvailable();
    if (missing)
      return `Skipped: ${missing}. Install R's forecast package (Debian: apt-get install r-cran-forecast) to compare.`;
    const only = process.env.CLASSICAL_REFERENCE_SERIES;
    const set = evaluationSet().filter(({ name }) => !only || name.includes(only));
    if (set.length === 0) return `No series of the evaluation set has "${only}" in its name.`;
    const jobs: Job[] = [];
    const rLines: string[] = [];
    const splits = set.map(({ series }) => {
      const points = series.v.length;
      const config = resolveConfig({}, { frequency: series.frequency, points });
      const origins = backtestOrigins(points, config.horizon, backtestWindowsFor(points, config));
      const season = resolveSeason(series.frequency, series.v.slice(0, origins[0]));
      return { horizon: config.horizon, origins, season };
    });
    for (const [s, { series }] of set.entries()) {
      const { horizon, origins, season } = splits[s];
      const values = Float64Array.from(series.v);
      for (const { ours: model, r } of MODELS) {
        const fitter = classicalFitter(model, { horizon, frequency: series.frequency, season });
        for (const [k, origin] of origins.entries()) {
          const started = performance.now();
          const fitted = await fitter(values.subarray(0, origin), { index: k, count: origins.length, origin });
          const [forecast] = await fitted.forecastFrom(values, [origin]);
          const id = `${s}-${model}-${k}`;
          jobs.push({ id, series: s, model, origin, ours: forecast, oursMs: performance.now() - started });
          const history = series.v.slice(Math.max(0, origin - historyFor(model, season.length)), origin);
          const periods = seasonalPeriods(series.frequency, season, history.length);
          rLines.push(
            [id, r, season.length, horizon, periods.length > 0 ? periods.join(';') : '-', history.join(',')].join(' '),
          );
        }
      }
    }

    const dir = mkdtempSync(join(tmpdir(), 'horizon-r-'));
    const rForecasts = new Map<string, { mean: number[]; ms: number }>();
    try {
      writeFileSync(join(dir, 'script.R'), R_SCRIPT);
      writeFileSync(join(dir, 'jobs.txt'), rLines.join('\n') + '\n');
      const run = spawnSync('Rscript', [join(dir, 'script.R'), join(dir, 'jobs.txt'), join(dir, 'out.txt')], {
        encoding: 'utf8',
      });
      if (run.status !== 0) return `R failed (exit ${run.status}): ${run.stderr.slice(-2000)}`;
      for (const line of readFileSync(join(dir, 'out.txt'), 'utf8').trim().split('\n')) {
        const [id, elapsed, mean] = line.split(' ');
        rForecasts.set(id, { mean: mean.split(',').map(Number), ms: Number(elapsed) * 1000 });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const rows: string[][] = [];
    const ratios: { model: ClassicalName; ratio: number }[] = [];
    for (const [s, { name, series }] of set.entries()) {
      const { season } = splits[s];
      for (const { ours: model, r } of MODELS) {
        const mine = jobs.filter((j) => j.series === s && j.model === model);
        let oursMase = 0;
        let refMase = 0;
        let oursMs = 0;
        let refMs = 0;
        let usable = true;
        for (const job of mine) {
          const train = series.v.slice(0, job.origin);
          const actual = series.v.slice(job.origin, job.origin + job.ours.length);
          const ref = rForecasts.get(job.id);
          oursMase += mase(actual, job.ours, train, season.length) / mine.length;
          oursMs += job.oursMs;
          if (!ref || !ref.mean.every(Number.isFinite)) usable = false;
          else {
            refMase += mase(actual, ref.mean, train, season.length) / mine.length;
            refMs += ref.ms;
          }
        }
        const ratio = usable ? oursMase / refMase : NaN;
        if (usable) ratios.push({ model, ratio });
        rows.push([
          `${name.slice(0, 34)} ${model} / ${r}`,
          oursMase.toFixed(3),
          usable ? refMase.toFixed(3) : 'n/a',
          usable ? ratio.toFixed(3) : 'n/a',
          seconds(oursMs),
          usable ? seconds(refMs) : 'n/a',
        ]);
      }
    }
    const summary = MODELS.map(({ ours: model, r }) => {
      const mine = ratios.filter((x) => x.model === model);
      const within = mine.filter((x) => x.ratio <= WITHIN).length;
      const geo = Math.exp(mine.reduce((a, x) => a + Math.log(x.ratio), 0) / mine.length);
      return `${model} vs ${r}: within 5% of R's MASE (or better) on ${within} of ${mine.length} series; geometric mean ratio ${geo.toFixed(3)}.`;
    });
    return [
      `Mean MASE over each series' backtest windows (${splits.map((s) => s.origins.length).join('/')} windows); ratio = ours / R's (below 1: ours better).`,
      table(['series, model', 'ours', 'R', 'ratio', 'our time', "R's time"], rows),
      ...summary,
    ].join('\n');
  },
};
