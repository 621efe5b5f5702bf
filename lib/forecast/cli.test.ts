import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POOL_MARGIN } from './champion';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

// Each CLI run trains two LSTMs and fits three classical models: a generous hang limit on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

/** Runs the CLI as `npm run forecast` does; resolves with the exit code instead of throwing. */
async function forecastCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'lib/forecast/cli.ts', ...args], {
      cwd: root,
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'horizon-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('forecast CLI', () => {
  it('prints exactly one JSON object on stdout with --json', async () => {
    const { code, stdout, stderr } = await forecastCli(
      'e2e/fixtures/small-sales.csv',
      '--epochs',
      '2',
      '--search-budget',
      '2',
      '--seeds',
      '1',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ series: 'store_north', frequency: 'daily', points: 120, horizon: 7 });
    expect(Object.keys(report).sort()).toEqual(
      [
        'backend',
        'champion',
        'coverage',
        'forecast',
        'frequency',
        'horizon',
        'models',
        'points',
        'search',
        'seconds',
        'series',
        'skill',
      ].sort(),
    );
    expect(['tensorflow', 'wasm', 'cpu']).toContain(report.backend);
    expect(report.seconds).toBeGreaterThan(0);
    // The hyperparameter search ran (the default) within the budget it was given.
    expect(report.search).toMatchObject({ budgetSeconds: 2, fixed: [] });
    expect(report.search.elapsedMs).toBeLessThan(10_000);
    const models = ['lstm', 'lstmHybrid', 'mstl', 'ets', 'autoArima', 'theta', 'naive', 'seasonalNaive', 'drift'];
    expect(Object.keys(report.models)).toEqual(models);
    for (const model of models) {
      expect(Object.keys(report.models[model]).sort()).toEqual([
        'fitSeconds',
        'mae',
        'mape',
        'mase',
        'msis',
        'rmse',
        'smape',
        'wape',
        'wql',
      ]);
      expect(Number.isFinite(report.models[model].mase)).toBe(true);
    }
    expect(Object.keys(report.champion).sort()).toEqual([
      'lstmFamily',
      'mase',
      'members',
      'model',
      'reason',
      'singlePickMase',
      'testMase',
    ]);
    expect([...models, 'ensemble']).toContain(report.champion.model);
    // The models within 20% of the best: their average is no further off than they are on average.
    const bestSingle = Math.min(...models.map((m) => report.models[m].mase));
    expect(report.champion.mase).toBeLessThanOrEqual(bestSingle * (1 + POOL_MARGIN));
    expect(['lstm', 'lstmHybrid']).toContain(report.champion.lstmFamily.model);
    expect(report.skill).toBeCloseTo(1 - report.models.lstm.mase / report.models.seasonalNaive.mase, 10);
    expect(Object.keys(report.coverage).sort()).toEqual(['80', '95']);
    expect(report.forecast).toHaveLength(7);
    // The fixture ends on 2026-10-31; the forecast starts the next day.
    expect(report.forecast[0].t).toBe('2026-11-01T00:00:00.000Z');
    for (const point of report.forecast) {
      expect(point.lo80).toBeLessThanOrEqual(point.v);
      expect(point.hi80).toBeGreaterThanOrEqual(point.v);
    }
    // The other series is named on stderr, not mixed into stdout.
    expect(stderr).toContain('"store_south"');
  });

  it('forecasts the column named by --value, as a readable report without --json', async () => {
    const { code, stdout } = await forecastCli(
      'e2e/fixtures/small-sales.csv',
      '--value',
      'store_south',
      '--epochs',
      '1',
      '--seeds',
      '1',
      '--horizon',
      '5',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^store_south: 120 daily points, horizon 5/);
    expect(stdout).toMatch(/^seasonal naive\s/m);
    expect(stdout).toContain('Verdict: The LSTM');
    expect(stdout).toContain('2026-11-05');
  });

  it("trains the global LSTM across the file's series with --global, for the series named by --value", async () => {
    const { code, stdout, stderr } = await forecastCli(
      'e2e/fixtures/small-sales.csv',
      '--global',
      '--value',
      'store_south',
      '--epochs',
      '1',
      '--seeds',
      '1',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.series).toBe('store_south');
    expect(Object.keys(report.models)).toContain('lstmGlobal');
    expect(Number.isFinite(report.models.lstmGlobal.mase)).toBe(true);
    expect(report.globalLstm).toEqual({
      trained: true,
      series: 2,
      related: ['store_north'],
      windows: [expect.any(Number), expect.any(Number)],
    });
    expect(stderr).toContain('global LSTM also trained on "store_north"');
    const missing = await forecastCli('e2e/fixtures/small-sales.csv', '--global', '--value', 'store_east', '--json');
    expect(missing).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('No series "store_east"') });
  });

  it('prints the problems of a bad file and exits 1', async () => {
    const file = path.join(dir, 'bad.csv');
    await writeFile(file, 'date,amount\n2024-01-01,1\n2024-01-02,abc\n2024-01-03,x\n');
    const { code, stdout, stderr } = await forecastCli(file, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: .*number/m);
    expect(stderr).toContain('cannot be forecast');
  });

  it('says what is wrong with the arguments or the config', async () => {
    expect(await forecastCli()).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Give exactly one CSV file'),
    });
    expect(await forecastCli('x.csv', '--epochs', '2.5')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--epochs must be a whole number'),
    });
    expect(await forecastCli(path.join(dir, 'missing.csv'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Cannot read'),
    });
    // A lookback too long for the LSTMs only skips them; a horizon no model can fit is refused.
    const tooLong = await forecastCli('e2e/fixtures/small-sales.csv', '--horizon', '200', '--json');
    expect(tooLong).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining('This series has 120 points'),
    });
    const longLookback = await forecastCli('e2e/fixtures/small-sales.csv', '--lookback', '200', '--json');
    expect(longLookback.code).toBe(0);
    expect(JSON.parse(longLookback.stdout).lstmSkipped).toContain('this series has 120');
    const badZone = await forecastCli('e2e/fixtures/small-sales.csv', '--time-zone', 'Europe/Atlantis');
    expect(badZone).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining('The option timeZone is "Europe/Atlantis"'),
    });
  });
  it('forecasts every series of a long file with --all, one single-series object each and the summary', async () => {
    const file = path.join(dir, 'long.csv');
    const rows = ['date,store,sales'];
    for (let day = 0; day < 80; day++) {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      rows.push(`${date},north,${(100 + day * 0.3 + 8 * Math.sin((2 * Math.PI * day) / 7)).toFixed(2)}`);
      rows.push(`${date},south,${(60 + day * 0.1 + 5 * Math.cos((2 * Math.PI * day) / 7)).toFixed(2)}`);
      if (day >= 70) rows.push(`${date},tiny,${day}`);
    }
    await writeFile(file, rows.join('\n') + '\n');
    const { code, stdout } = await forecastCli(
      file,
      '--all',
      '--horizon',
      '7',
      '--epochs',
      '2',
      '--seeds',
      '1',
      '--json',
    );
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output).sort()).toEqual(['results', 'summary']);
    expect(output.results.map((r: { series: string }) => r.series)).toEqual(['north', 'south', 'tiny']);
    for (const result of output.results.slice(0, 2)) {
      expect(result).toMatchObject({ frequency: 'daily', points: 80, horizon: 7 });
      expect(result.forecast).toHaveLength(7);
      // As in a batch: one global LSTM across the series long enough for it, scored in each run.
      expect(result.globalLstm).toMatchObject({ trained: true, series: 2 });
      expect(Number.isFinite(result.models.lstmGlobal.mase)).toBe(true);
    }
    expect(output.results[2].error).toMatch(/has 10 points/);
    expect(output.summary).toMatchObject({
      series: 3,
      succeeded: 2,
      failed: 1,
      perSeriesLstm: true,
      globalLstm: { status: 'succeeded', series: 2 },
    });
    expect(output.summary.models.seasonalNaive.series).toBe(2);
    expect(output.summary.lstmBeatsSeasonalNaive.series).toBe(2);

    expect((await forecastCli(file, '--all', '--value', 'north')).stderr).toMatch(
      /--all forecasts every series: leave out --value/,
    );
  });

  it('reads covariates from columns that run past the target (future rows) and reports their effect', async () => {
    const day = 86_400_000;
    const lines = ['date,sales,promo,temp'];
    for (let i = 0; i < 100; i++) {
      const date = new Date(Date.UTC(2024, 5, 1) + i * day).toISOString().slice(0, 10);
      const promo = i % 5 === 0 ? 1 : 0;
      lines.push(`${date},${i < 93 ? 50 + 20 * promo + (i % 7) : ''},${promo},${i < 93 ? 10 + (i % 3) : ''}`);
    }
    const file = path.join(dir, 'future-rows.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const args = [file, '--value', 'sales', '--horizon', '7', '--epochs', '2', '--json'];
    const { code, stdout } = await forecastCli(
      ...args,
      '--covariates',
      'promo',
      '--past-covariates',
      'temp',
      '--holidays',
      'us',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.points).toBe(93);
    expect(report.forecast[0].t).toBe('2024-09-02T00:00:00.000Z'); // Labor Day, the first future row
    expect(report.covariateEffect).toMatchObject({ covariates: ['promo', 'temp'], holidays: 'US' });
    expect(report.covariateEffect.sentence).toMatch(/^Promo, temp and the US holiday calendar/);
    expect(report.holidays.dates).toContainEqual({ date: '2024-07-04', name: 'Independence Day' });

    const missing = await forecastCli(...args, '--covariates', 'temp');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/"temp" does not cover the forecast horizon: .* no value for 2024-09-02/);
    const unknown = await forecastCli(...args, '--covariates', 'price');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/column price/);
  });
});
