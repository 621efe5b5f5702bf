import { describe, expect, it } from 'vitest';
import { plannedSteps, successiveHalving, type RungScore } from './halving';

/** A candidate whose score after `epochs` epochs is `final + slope / epochs`. */
interface Fake {
  name: string;
  final: number;
  slope: number;
}

function fakeTrain(log: string[]) {
  return async (c: Fake, _i: number, from: number, to: number): Promise<RungScore> => {
    log.push(`${c.name} ${from}->${to}`);
    return { score: c.final + c.slope / to, loss: c.final };
  };
}

describe('successiveHalving', () => {
  it('keeps the best third after each rung, trains the survivors on, and picks the best of the deepest rung', async () => {
    // After 1 epoch `slow` looks worst, but it ends best: it survives rung 0 only if it is in the best third.
    const candidates: Fake[] = Array.from({ length: 9 }, (_, k) => ({ name: `c${k}`, final: 10 - k, slope: 1 }));
    const log: string[] = [];
    const released: number[] = [];
    const result = await successiveHalving({
      candidates,
      rungEpochs: [1, 3, 9],
      eta: 3,
      deadline: Infinity,
      now: () => 0,
      train: fakeTrain(log),
      release: (i) => released.push(i),
    });
    // Rung 0: all 9; rung 1: the best 3 (c8, c7, c6) from 1 to 3 epochs; then one is left: c8.
    expect(log.filter((l) => l.endsWith('0->1'))).toHaveLength(9);
    expect(log.filter((l) => l.endsWith('1->3')).sort()).toEqual(['c6 1->3', 'c7 1->3', 'c8 1->3']);
    expect(log.some((l) => l.endsWith('->9'))).toBe(false);
    expect(result.chosen).toBe(8);
    expect(result.outOfTime).toBe(false);
    expect(result.trials.map((t) => t.outcome)).toEqual([...new Array(8).fill('dropped'), 'chosen']);
    expect(result.trials[8]).toMatchObject({ rung: 1, epochs: 3, score: 10 - 8 + 1 / 3 });
    expect(result.trials[0]).toMatchObject({ rung: 0, epochs: 1 });
    // Every trial's state is freed exactly once.
    expect([...released].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plannedSteps(9, 3, 3)).toBe(12);
  });

  it('stops at the deadline: trials never started or cut short say so, and the winner is the best one scored', async () => {
    const candidates: Fake[] = Array.from({ length: 6 }, (_, k) => ({
      name: `c${k}`,
      final: k === 1 ? 0 : 5,
      slope: 0,
    }));
    let clock = 0;
    const log: string[] = [];
    const result = await successiveHalving({
      candidates,
      rungEpochs: [2, 6],
      eta: 3,
      deadline: 25,
      // Every trial takes 10 ms; the third one overruns and reports it did not finish.
      now: () => clock,
      train: async (c, i, from, to) => {
        clock += 10;
        if (clock > 25) return null;
        return fakeTrain(log)(c, i, from, to);
      },
      release: () => {},
    });
    expect(result.outOfTime).toBe(true);
    expect(log).toEqual(['c0 0->2', 'c1 0->2']);
    expect(result.chosen).toBe(1);
    expect(result.trials.map((t) => t.outcome)).toEqual([
      'kept',
      'chosen',
      'unfinished',
      'unfinished',
      'unfinished',
      'unfinished',
    ]);
    expect(result.trials[3].epochs).toBe(0);
  });

  it('keeps the baseline through every cut and lets it win unless beaten by the margin', async () => {
    // c0 is the baseline: behind c2 after 1 epoch and still 4% behind it after 9.
    const candidates: Fake[] = [
      { name: 'c0', final: 1.03, slope: 0.6 },
      { name: 'c1', final: 2, slope: 0 },
      { name: 'c2', final: 1, slope: 0.5 },
    ];
    const log: string[] = [];
    const options = {
      candidates,
      rungEpochs: [1, 3, 9],
      eta: 3,
      deadline: Infinity,
      now: () => 0,
      train: fakeTrain(log),
      release: () => {},
    };
    const guarded = await successiveHalving({ ...options, baseline: { index: 0, margin: 0.05 } });
    // c2 and the baseline go on to the last rung; 3% is not enough to replace the baseline.
    expect(log).toContain('c0 3->9');
    expect(log).toContain('c2 3->9');
    expect(guarded.chosen).toBe(0);
    expect(guarded.trials.map((t) => t.outcome)).toEqual(['chosen', 'dropped', 'dropped']);
    // Without the guard, the baseline is cut after rung 0 and c2 wins.
    expect((await successiveHalving(options)).chosen).toBe(2);
    const bigger = await successiveHalving({ ...options, baseline: { index: 0, margin: 0.01 } });
    expect(bigger.chosen).toBe(2);
  });

  it('keeps the baseline when the deadline stops the search before the deciding rung', async () => {
    const candidates: Fake[] = [
      { name: 'base', final: 2, slope: 0 },
      { name: 'fast', final: 1, slope: 0 },
      { name: 'other', final: 3, slope: 0 },
    ];
    let clock = 0;
    const result = await successiveHalving({
      candidates,
      rungEpochs: [2, 6],
      eta: 3,
      deadline: 25,
      now: () => clock,
      train: async (c) => ((clock += 10), { score: c.final, loss: 0 }),
      release: () => {},
      baseline: { index: 0, margin: 0.05 },
      decisionRung: 1,
    });
    // All three scored in rung 0 (fast is best by far), but the clock ran out before rung 1.
    expect(result.outOfTime).toBe(true);
    expect(result.chosen).toBe(0);
    expect(result.trials.map((t) => t.outcome)).toEqual(['chosen', 'kept', 'dropped']);
  });
});
