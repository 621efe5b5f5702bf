// npm start's demo account: created once with a random password kept in a file, never the admin,
// owner of the demo dataset; the same credentials on the next start, a reset when the file is lost.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCredentials } from '@/lib/auth/accounts';
import { disconnectDb } from '@/lib/db/client';
import { listDatasets } from '@/lib/db/datasets';
import { listRuns } from '@/lib/db/runs';
import { DEMO_DATASET_NAME, DEMO_RUN_SERIES, seedDemo } from '@/scripts/seed-demo';
import { DEMO_EMAIL, ensureDemoAccount } from './demo-account';

const dir = mkdtempSync(join(tmpdir(), 'horizon-demo-'));
const file = join(dir, 'demo-account.json');

afterAll(async () => {
  await disconnectDb();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo account', () => {
  it('is created with a random password kept in an owner-only file, and is not the admin', async () => {
    const demo = await ensureDemoAccount(file);
    expect(demo.email).toBe(DEMO_EMAIL);
    expect(demo.user.isAdmin).toBe(false);
    expect(demo.password.length).toBeGreaterThanOrEqual(16);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ email: DEMO_EMAIL, password: demo.password });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await checkCredentials({ email: DEMO_EMAIL, password: demo.password }, 'test')).id).toBe(demo.user.id);
  });

  it('keeps its credentials across starts and resets the password when the file is gone', async () => {
    const first = await ensureDemoAccount(file);
    expect(await ensureDemoAccount(file)).toEqual(first);
    rmSync(file);
    const reset = await ensureDemoAccount(file);
    expect(reset.user.id).toBe(first.user.id);
    expect(reset.password).not.toBe(first.password);
    await expect(checkCredentials({ email: DEMO_EMAIL, password: first.password }, 'test')).rejects.toThrow(
      /Wrong email or password/,
    );
  });

  it('owns the demo dataset, loaded once', async () => {
    const demo = await ensureDemoAccount(file);
    const scope = { userId: demo.user.id };
    expect(await seedDemo(scope)).toBe(true);
    expect(await seedDemo(scope)).toBe(false);
    const datasets = await listDatasets(scope);
    expect(datasets.map((d) => d.name)).toEqual([DEMO_DATASET_NAME]);
    expect(datasets[0].series.map((s) => s.name).sort()).toEqual([
      'price',
      'promotion',
      'store_north',
      'store_online',
      'store_south',
    ]);
    // Its demo run uses the promotions and price as known-future covariates, with the US holidays.
    const byName = new Map(datasets[0].series.map((s) => [s.name, s.id]));
    const runs = await listRuns(scope, { seriesId: byName.get(DEMO_RUN_SERIES) });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'queued' });
    expect(runs[0].config).toMatchObject({
      horizon: 14,
      holidays: 'US',
      covariates: [
        { seriesId: byName.get('promotion'), knownFuture: true },
        { seriesId: byName.get('price'), knownFuture: true },
      ],
    });
  });
});
