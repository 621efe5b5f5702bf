import { afterEach, describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import { readWorkerSettings } from './settings';

const VARIABLES = [
  'HORIZON_WORKER_CONCURRENCY',
  'HORIZON_WORKER_LOCK_MS',
  'HORIZON_WORKER_STALLED_INTERVAL_MS',
  'HORIZON_WORKER_NAME',
];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

function withEnv(values: Record<string, string>) {
  for (const name of VARIABLES) delete process.env[name];
  Object.assign(process.env, values);
  return readWorkerSettings();
}

describe('readWorkerSettings', () => {
  it('defaults to one job at a time, a 5-minute lock and a check every 30 s', () => {
    const settings = withEnv({});
    expect(settings).toMatchObject({ concurrency: 1, lockMs: 300_000, stalledIntervalMs: 30_000 });
    expect(settings.name).toMatch(/:\d+$/);
  });

  it('reads the environment; a short lock shortens the default stalled check with it', () => {
    expect(
      withEnv({ HORIZON_WORKER_CONCURRENCY: '3', HORIZON_WORKER_LOCK_MS: '10000', HORIZON_WORKER_NAME: 'gpu-1' }),
    ).toEqual({
      concurrency: 3,
      lockMs: 10_000,
      stalledIntervalMs: 10_000,
      name: `gpu-1@${hostname()}:${process.pid}`,
    });
    expect(
      withEnv({ HORIZON_WORKER_LOCK_MS: '10000', HORIZON_WORKER_STALLED_INTERVAL_MS: '2000' }).stalledIntervalMs,
    ).toBe(2_000);
  });

  it('says which variable is wrong and what it needs', () => {
    expect(() => withEnv({ HORIZON_WORKER_CONCURRENCY: '0' })).toThrow(
      'HORIZON_WORKER_CONCURRENCY must be a whole number of at least 1, got "0".',
    );
    expect(() => withEnv({ HORIZON_WORKER_LOCK_MS: '5s' })).toThrow(
      'HORIZON_WORKER_LOCK_MS must be a whole number of at least 1000, got "5s".',
    );
  });
});
