import { describe, expect, it } from 'vitest';
import { nextFiringAfterLast } from './next-firing';

const HOUR = 3_600_000;
const run = (createdAt: string) => ({ id: 'r', status: 'succeeded' as const, createdAt });

describe('nextFiringAfterLast', () => {
  it('is one interval after the newest run the schedule created', () => {
    const next = nextFiringAfterLast({
      every: '6h',
      runs: [run('2026-11-23T12:00:00.000Z'), run('2026-11-23T06:00:00.000Z')],
      lastSkip: null,
    });
    expect(next?.toISOString()).toBe('2026-11-23T18:00:00.000Z');
  });

  it('counts a skipped firing as a firing when it is newer', () => {
    const lastSkip = { at: '2026-11-23T14:00:00.000Z', reason: 'Skipped: …' };
    expect(nextFiringAfterLast({ every: '6h', runs: [run('2026-11-23T12:00:00.000Z')], lastSkip })?.getTime()).toBe(
      Date.parse(lastSkip.at) + 6 * HOUR,
    );
  });

  it("counts a dataset schedule's batches as its firings", () => {
    const next = nextFiringAfterLast({
      every: '6h',
      runs: [],
      batches: [run('2026-11-23T09:00:00.000Z')],
      lastSkip: { at: '2026-11-23T08:00:00.000Z', reason: 'Skipped: …' },
    });
    expect(next?.toISOString()).toBe('2026-11-23T15:00:00.000Z');
  });

  it('has no opinion for a schedule that never fired, or a cron schedule', () => {
    expect(nextFiringAfterLast({ every: '6h', runs: [], lastSkip: null })).toBeUndefined();
    expect(
      nextFiringAfterLast({ every: null, runs: [run('2026-11-23T12:00:00.000Z')], lastSkip: null }),
    ).toBeUndefined();
  });
});
