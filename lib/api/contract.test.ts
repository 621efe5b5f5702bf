// The contract check the integration tests run on every JSON answer (test/contract.ts): it must
// accept what the schemas describe and fail on drift, or the route tests would prove nothing.
import { describe, expect, it } from 'vitest';
import { assertMatchesContract } from '@/test/contract';

const run = {
  id: 'r1',
  seriesId: 's1',
  scheduleId: null,
  batchId: null,
  name: null,
  status: 'queued',
  progress: 0,
  progressDetail: null,
  config: {
    horizon: 7,
    lookback: 14,
    epochs: 4,
    units: 8,
    layers: 1,
    learningRate: 0.005,
    batchSize: 32,
    dropout: 0,
    validationSplit: 0.1,
    patience: 5,
    seed: 42,
    backtestWindows: 3,
    transform: 'auto',
    calendarFeatures: true,
    globalLstm: false,
    models: ['lstm', 'mstl', 'seasonalNaive'],
    covariates: [],
    holidays: null,
    search: 'auto',
    searchBudgetSeconds: 5,
    searchFixed: ['units'],
    seeds: 1,
  },
  backend: null,
  metrics: null,
  evaluation: null,
  history: null,
  summary: null,
  durationMs: null,
  error: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  startedAt: null,
  finishedAt: null,
};

describe('assertMatchesContract', () => {
  it('accepts an answer that matches its schema, by path or by path parameters', () => {
    expect(() => assertMatchesContract('GET', '/api/runs/r1', 200, { run })).not.toThrow();
    expect(() => assertMatchesContract('GET', undefined, 200, { run }, { id: 'r1' })).not.toThrow();
    expect(() => assertMatchesContract('GET', '/api/runs?seriesId=s1', 200, { runs: [run] })).not.toThrow();
  });

  it('fails on a missing field, a wrong type, an unknown model or an undeclared field', () => {
    const { error: _error, ...withoutError } = run;
    expect(() => assertMatchesContract('GET', '/api/runs/r1', 200, { run: withoutError })).toThrow(/error/);
    expect(() => assertMatchesContract('GET', '/api/runs/r1', 200, { run: { ...run, progress: '0' } })).toThrow(
      /progress/,
    );
    expect(() =>
      assertMatchesContract('GET', '/api/runs/r1', 200, { run: { ...run, metrics: { prophet: {} } } }),
    ).toThrow(/metrics/);
    expect(() => assertMatchesContract('GET', '/api/runs/r1', 200, { run: { ...run, extra: 1 } })).toThrow(
      /additional/,
    );
  });

  it('holds errors to the envelope and success statuses to the document', () => {
    const notFound = { error: { code: 'not_found', message: 'No run r1.' } };
    expect(() => assertMatchesContract('GET', '/api/runs/r1', 404, notFound)).not.toThrow();
    expect(() => assertMatchesContract('GET', '/api/runs/r1', 404, { error: { code: 'gone', message: '' } })).toThrow(
      /code/,
    );
    expect(() => assertMatchesContract('GET', '/api/runs/r1', 201, { run })).toThrow(/does not list status 201/);
    expect(() => assertMatchesContract('PUT', '/api/nowhere', 200, {})).toThrow(/no such operation/);
  });
});
