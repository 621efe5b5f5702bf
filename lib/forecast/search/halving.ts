// Successive halving (Jamieson & Talwalkar 2016; the inner loop of Hyperband): many candidates get
// a few epochs, the best third is kept and trained further, and so on until one is left. The plan
// (how many candidates start) is fixed in advance from a cost estimate, so a fixed seed gives the
// same trials; a wall-clock deadline (lstm-search.ts: a few budgets in) is a hard stop on top,
// checked between epochs, for a machine far slower than the estimate (the result then says the
// budget ran out).

/** What one trial reached by the end of a rung. */
export interface RungScore {
  /** Lower is better (a validation error). Not finite: the trial failed to score. */
  score: number;
  /** Last training loss, for the record. */
  loss: number;
}

/** How a trial ended. */
export type TrialOutcome = 'chosen' | 'dropped' | 'kept' | 'unfinished';

export interface HalvingTrial<C> {
  candidate: C;
  /** 0-based rung of its last score (-1: never scored). */
  rung: number;
  /** Epochs trained in total. */
  epochs: number;
  score: number | null;
  loss: number | null;
  /**
   * `chosen`: the winner; `dropped`: cut after `rung`; `kept`: still in when the budget ran out;
   * `unfinished`: the budget ran out during its training (its last score, if any, is from an
   * earlier rung).
   */
  outcome: TrialOutcome;
  /** Wall time spent on it (training and scoring), ms. */
  ms: number;
}

export interface HalvingOptions<C> {
  /** In the order they start: the first is the baseline (the configured values). */
  candidates: readonly C[];
  /** Cumulative epochs a trial has trained by the end of each rung, increasing. */
  rungEpochs: readonly number[];
  /** Keep the best 1/eta after each rung (at least one). */
  eta: number;
  /**
   * The reference candidate (the configured values): it survives every cut, and wins unless the
   * best trial of the deepest rung beats it there by `margin` (a share of its score). Short trials
   * are noisy and favour what learns fast, so a change has to earn its place.
   */
  baseline?: { index: number; margin: number };
  /**
   * With a baseline: another trial replaces it only from this rung on (0-based); when the deadline
   * stops the search earlier, the baseline is chosen. Rung 0's few epochs rank what learns fast,
   * which is good enough to cut but not to decide.
   */
  decisionRung?: number;
  /** Wall-clock deadline (per `now`). */
  deadline: number;
  now: () => number;
  /**
   * Trains `candidate` (index `index`) from `fromEpochs` up to `toEpochs` epochs in total, resuming
   * its state, then scores it. Must return null if `now()` passed the deadline before it finished
   * (it checks between epochs).
   */
  train(candidate: C, index: number, fromEpochs: number, toEpochs: number): Promise<RungScore | null>;
  /** Frees what a trial holds; called once per trial when it is dropped or the search ends. */
  release(index: number): void;
  /** After each trial's rung. */
  onTrial?: (done: number, planned: number) => void | Promise<void>;
}

export interface HalvingResult<C> {
  /** Index into candidates of the winner. */
  chosen: number;
  trials: HalvingTrial<C>[];
  /** Whether the deadline stopped the search before its plan was done. */
  outOfTime: boolean;
}

/** Trials that go on from a rung of `alive`: the best 1/eta, and the baseline besides (at most all of them). */
export function survivors(alive: number, eta: number, baseline: boolean): number {
  return Math.min(alive, Math.ceil(alive / eta) + (baseline ? 1 : 0));
}

/**
 * Trial-rungs the plan runs for `n` candidates at most (for progress): n, then the survivors, ...
 * while more than one is left (with a baseline, as if it never ranked best).
 */
export function plannedSteps(n: number, rungs: number, eta: number, baseline = false): number {
  let steps = 0;
  let alive = n;
  for (let rung = 0; rung < rungs; rung++) {
    steps += alive;
    alive = survivors(alive, eta, baseline);
    if (alive <= 1) break;
  }
  return steps;
}

export async function successiveHalving<C>(options: HalvingOptions<C>): Promise<HalvingResult<C>> {
  const { candidates, rungEpochs, eta, deadline, now } = options;
  if (candidates.length === 0) throw new Error('Successive halving needs at least one candidate.');
  const trials: HalvingTrial<C>[] = candidates.map((candidate) => ({
    candidate,
    rung: -1,
    epochs: 0,
    score: null,
    loss: null,
    outcome: 'kept',
    ms: 0,
  }));
  const planned = plannedSteps(candidates.length, rungEpochs.length, eta);
  let done = 0;
  let alive = candidates.map((_, i) => i);
  let outOfTime = false;
  const released = new Set<number>();
  const release = (i: number) => {
    if (released.has(i)) return;
    released.add(i);
    options.release(i);
  };

  try {
    for (let rung = 0; rung < rungEpochs.length && alive.length > 1; rung++) {
      for (const i of alive) {
        if (now() > deadline) {
          outOfTime = true;
          break;
        }
        const trial = trials[i];
        const started = now();
        const result = await options.train(trial.candidate, i, trial.epochs, rungEpochs[rung]);
        trial.ms += now() - started;
        if (!result) {
          trial.outcome = 'unfinished';
          outOfTime = true;
          break;
        }
        trial.epochs = rungEpochs[rung];
        trial.rung = rung;
        trial.score = Number.isFinite(result.score) ? result.score : null;
        trial.loss = Number.isFinite(result.loss) ? result.loss : null;
        await options.onTrial?.(++done, planned);
      }
      const scored = alive.filter((i) => trials[i].rung === rung && trials[i].score !== null);
      if (outOfTime || scored.length === 0) break;
      const keep = Math.max(1, Math.ceil(scored.length / eta));
      const ranked = [...scored].sort((a, b) => trials[a].score! - trials[b].score! || a - b);
      const kept = ranked.slice(0, keep);
      const base = options.baseline?.index;
      if (base !== undefined && scored.includes(base) && !kept.includes(base)) kept.push(base);
      for (const i of alive) {
        if (!kept.includes(i)) {
          trials[i].outcome = 'dropped';
          release(i);
        }
      }
      alive = kept;
    }

    // The winner: the best score at the deepest rung any trial reached (a trial trained longer is
    // only compared with its peers); the first candidate when nothing scored at all.
    const deepest = Math.max(...trials.map((t) => (t.score === null ? -1 : t.rung)));
    const contenders = trials
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => t.score !== null && t.rung === deepest)
      .sort((a, b) => a.t.score! - b.t.score! || a.i - b.i);
    let chosen = contenders[0]?.i ?? 0;
    const reference = options.baseline && contenders.find(({ i }) => i === options.baseline!.index);
    if (reference && trials[chosen].score! > reference.t.score! * (1 - options.baseline!.margin)) chosen = reference.i;
    if (options.baseline && deepest < (options.decisionRung ?? 0)) chosen = options.baseline.index;
    for (const i of alive) {
      if (i === chosen) continue;
      // Still in at the end: cut by the last comparison unless the budget stopped the plan.
      if (trials[i].outcome !== 'unfinished') trials[i].outcome = outOfTime ? 'kept' : 'dropped';
    }
    // Never started: the budget ran out in rung 0.
    for (const trial of trials) if (trial.rung === -1 && trial.outcome === 'kept') trial.outcome = 'unfinished';
    trials[chosen].outcome = 'chosen';
    return { chosen, trials, outOfTime };
  } finally {
    trials.forEach((_, i) => release(i));
  }
}
