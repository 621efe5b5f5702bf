// The inspect command as people run it: a separate process reading fixture files from disk.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'lib/ingest/inspect-cli.ts');
const fixture = (name: string) => join(ROOT, 'test/fixtures/csv', name);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function inspect(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('npm run inspect', () => {
  it('reads ambiguous a/b/yyyy dates in the order given by --day-first or --month-first', async () => {
    const guessed = JSON.parse((await inspect(fixture('ambiguous-slash.csv'), '--json')).stdout);
    expect(guessed.problems.map((p: { code: string }) => p.code)).toEqual(['ambiguous_dates', 'too_short_to_forecast']);
    const dayFirst = JSON.parse((await inspect(fixture('ambiguous-slash.csv'), '--json', '--day-first')).stdout);
    expect(dayFirst.problems.map((p: { code: string }) => p.code)).toEqual(['too_short_to_forecast']);
    expect(dayFirst.series[0]).toMatchObject({
      frequency: 'daily',
      start: '2024-01-01T00:00:00.000Z',
      end: '2024-01-12T00:00:00.000Z',
    });
    const monthFirst = JSON.parse((await inspect(fixture('ambiguous-slash.csv'), '--json', '--month-first')).stdout);
    expect(monthFirst.series[0]).toMatchObject({ frequency: 'monthly', end: '2024-12-01T00:00:00.000Z' });
  });

  it('prints exactly one JSON object with --json and exits 0 for an importable file', async () => {
    const run = await inspect(fixture('long-missing-ids.csv'), '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report).slice(0, 8)).toEqual([
      'delimiter',
      'layout',
      'timeColumn',
      'idColumns',
      'valueColumns',
      'skippedColumns',
      'series',
      'problems',
    ]);
    expect(report).toMatchObject({
      delimiter: ',',
      layout: 'long',
      timeColumn: 'date',
      idColumns: ['store'],
      valueColumns: ['sales'],
    });
    const range = { start: '2024-01-01T00:00:00.000Z', end: '2024-01-06T00:00:00.000Z' };
    expect(report.series).toEqual([
      { name: 'north', frequency: 'daily', points: 6, ...range, gaps: 0, duplicates: 0 },
      { name: 'south', frequency: 'daily', points: 6, ...range, gaps: 0, duplicates: 0 },
    ]);
    expect(report.problems.map((p: { code: string }) => p.code)).toEqual([
      'missing_ids',
      'too_few_points',
      'too_short_to_forecast',
    ]);
    expect(report.problems[0]).toMatchObject({ row: 8, column: 'store', severity: 'warning' });
  });

  it('prints a report and exits 1 for a file that cannot be imported', async () => {
    const run = await inspect(fixture('duplicates.csv'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Layout +wide$/m);
    expect(run.stdout).toMatch(/^ {2}value +daily +7 +2024-01-01 +2024-01-08 +1 +1$/m);
    expect(run.stdout).toContain('error duplicate_timestamps (row 7)');
  });

  it('shows the frequency as people read it, and as its stable code with --json', async () => {
    const [text, json, resampled] = await Promise.all([
      inspect(fixture('sensor-15min.csv')),
      inspect(fixture('sensor-15min.csv'), '--json'),
      inspect(fixture('sensor-5min.csv'), '--json', '--resample', '15min:mean'),
    ]);
    expect(text.stdout).toMatch(
      /^ {2}temperature +every 15 minutes +192 +2024-05-06 +2024-05-07T23:45:00.000Z +0 +0$/m,
    );
    expect(JSON.parse(json.stdout).series[0]).toMatchObject({ frequency: '15min', points: 192, gaps: 0 });
    expect(JSON.parse(resampled.stdout).series[0]).toMatchObject({ frequency: '15min', points: 192, gaps: 0 });
  });

  it('reads offset-less times in the zone given by --time-zone, and refuses an unknown zone', async () => {
    const file = fixture('berlin-15min-spring-forward.csv');
    const [utc, berlin, unknown] = await Promise.all([
      inspect(file, '--json'),
      inspect(file, '--json', '--time-zone', 'Europe/Berlin'),
      inspect(file, '--time-zone', 'Europe/Atlantis'),
    ]);
    expect(JSON.parse(utc.stdout).series[0]).toMatchObject({ points: 188, gaps: 4 });
    expect(berlin.code).toBe(0);
    expect(JSON.parse(berlin.stdout).series[0]).toMatchObject({
      points: 188,
      gaps: 0,
      start: '2024-03-29T23:00:00.000Z',
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('The option timeZone is "Europe/Atlantis"');
  });

  it('passes options on, and exits 2 on usage errors', async () => {
    const [merged, noFile, unknownFlag, badValue, missing] = await Promise.all([
      inspect(fixture('duplicates.csv'), '--json', '--duplicate-policy', 'last', '--gap-policy', 'linear'),
      inspect(),
      inspect(fixture('duplicates.csv'), '--verbose'),
      inspect(fixture('duplicates.csv'), '--layout', 'tall'),
      inspect(fixture('no-such-file.csv')),
    ]);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout).series[0]).toMatchObject({ points: 8, gaps: 1, duplicates: 1 });
    for (const run of [noFile, unknownFlag, badValue, missing]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
    }
    expect(noFile.stderr).toContain('Usage: npm run inspect');
    expect(badValue.stderr).toContain('The option layout is "tall"');
    expect(missing.stderr).toContain('Cannot read');
  });
});
