import { describe, expect, it } from 'vitest';
import { EpochPace } from './epoch-pace';

describe('EpochPace', () => {
  it('measures epochs within a fit and leaves out the gaps between fits', () => {
    let now = 0;
    const pace = new EpochPace(() => now);
    pace.record({ model: 'lstm', phase: 'backtest', window: 1, epoch: 1 });
    expect(pace.epochMs).toBeUndefined();
    now = 200;
    pace.record({ model: 'lstm', phase: 'backtest', window: 1, epoch: 2 });
    expect(pace.epochMs).toBe(200);
    // The hybrid's fit starts 5 s later (classical models in between): not an epoch.
    now = 5_200;
    pace.record({ model: 'lstmHybrid', phase: 'backtest', window: 1, epoch: 1 });
    expect(pace.epochMs).toBe(200);
    // A slower epoch moves the mean part of the way; skipped reports count per epoch.
    now = 5_600;
    pace.record({ model: 'lstmHybrid', phase: 'backtest', window: 1, epoch: 2 });
    expect(pace.epochMs).toBe(260);
    now = 6_120;
    pace.record({ model: 'lstmHybrid', phase: 'backtest', window: 1, epoch: 4 });
    expect(pace.epochMs).toBe(260);
  });
});
