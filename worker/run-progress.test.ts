import { describe, expect, it } from 'vitest';
import type { TrainProgress } from '@/lib/forecast/types';
import { RunProgress, type ProgressWrite } from './run-progress';

const lastEpoch = (model: 'lstm' | 'lstmHybrid', progress: number): TrainProgress => ({
  model,
  phase: 'backtest',
  window: 1,
  windows: 2,
  epoch: 3,
  epochs: 3,
  loss: 0.1,
  progress,
});

describe('RunProgress', () => {
  it('writes one report at a time, in order, when reports arrive while a write is in flight', async () => {
    // Two model groups on their own threads report independently: the first write is slow.
    const written: number[] = [];
    let inFlight = 0;
    let overlapped = false;
    let calls = 0;
    const progress = new RunProgress(async ({ progress: p }: ProgressWrite) => {
      inFlight += 1;
      overlapped ||= inFlight > 1;
      await new Promise((resolve) => setTimeout(resolve, calls++ === 0 ? 50 : 0));
      written.push(p.progress);
      inFlight -= 1;
    });
    const first = progress.report(lastEpoch('lstm', 0.52));
    await new Promise((resolve) => setTimeout(resolve)); // the first write has started
    await Promise.all([first, progress.report(lastEpoch('lstmHybrid', 0.58))]);
    expect(overlapped).toBe(false);
    expect(written).toEqual([0.52, 0.58]);
  });

  it('keeps writing after a failed write, and the failure reaches its caller', async () => {
    const written: number[] = [];
    let fail = true;
    const progress = new RunProgress(async ({ progress: p }) => {
      if (fail) {
        fail = false;
        throw new Error('database unreachable');
      }
      written.push(p.progress);
    });
    await expect(progress.report(lastEpoch('lstm', 0.3))).rejects.toThrow('database unreachable');
    await progress.report(lastEpoch('lstm', 0.4));
    expect(written).toEqual([0.4]);
  });

  it('writes the newest pending report once the write in flight ends, and the plain LSTM curve with it', async () => {
    const writes: ProgressWrite[] = [];
    let release = () => {};
    const progress = new RunProgress(async (write) => {
      if (writes.push(write) === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = progress.report(lastEpoch('lstm', 0.2));
    await new Promise((resolve) => setTimeout(resolve)); // the first write has started
    // Mid-fit epochs within the throttle interval are kept pending, not written.
    await progress.report({ ...lastEpoch('lstm', 0.25), window: 2, epoch: 1 });
    await progress.report({ ...lastEpoch('lstm', 0.3), window: 2, epoch: 2 });
    const flushed = progress.flush();
    release();
    await Promise.all([first, flushed]);
    expect(writes.map((w) => w.progress.progress)).toEqual([0.2, 0.3]);
    expect(writes[1]!.history.map((e) => e.epoch)).toEqual([1, 2]);
    expect(writes[1]!.detail).toMatchObject({ window: 2, epoch: 2 });
  });
});
