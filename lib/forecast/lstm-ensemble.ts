// Several LstmRuns of one series that differ only in their seed, the model's forecast being the
// median of theirs: a seed ensemble. One seed's luck (its initial weights, dropout masks and
// window order) weighs most on a short series, where fits are also cheap; config.ts
// (ensembleSeeds) says how many a series gets. Member 0 runs with the config's seed, so a
// one-member ensemble is exactly the single LstmRun; the others' seeds derive from it, so the
// same config gives the same ensemble.
//
// Member 0's first fit chooses the transform; the others take that choice (and skip the trial
// fits), so every member reads the same inputs and they differ by their seed alone.
import type { FittedModel, ModelFitter, WindowInfo } from './backtest';
import { lstmForecastFrom, LstmRun, type FittedLstm, type LstmSeriesInfo } from './lstm-forecaster';
import { createRng, nextTfSeed } from './random';
import type { ForecastConfig, LstmPreprocessing, RunCallbacks, TrainProgress } from './types';

/** The seeds of an ensemble of `count` members: the config's first, then ones derived from it. */
export function ensembleSeedsOf(seed: number, count: number): number[] {
  const rng = createRng(seed ^ 0x5eed);
  return Array.from({ length: count }, (_, k) => (k === 0 ? seed : nextTfSeed(rng)));
}

/** The median of each step over the members' forecasts (origins x horizon each). */
export function medianForecasts(members: readonly number[][][]): number[][] {
  return members[0].map((forecast, k) =>
    forecast.map((_, h) => {
      const values = members.map((m) => m[k][h]).sort((a, b) => a - b);
      const mid = Math.floor(values.length / 2);
      return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }),
  );
}

export class LstmEnsembleRun {
  private readonly members: LstmRun[];
  private readonly seeds: number[];
  /** The latest progress of each member: the run's is their mean. */
  private readonly progress: number[];

  constructor(
    private readonly config: ForecastConfig,
    private readonly windows: number,
    seeds: number,
    private readonly callbacks: RunCallbacks = {},
    private readonly series: LstmSeriesInfo = {},
  ) {
    this.seeds = ensembleSeedsOf(config.seed, Math.max(1, seeds));
    this.progress = this.seeds.map(() => 0);
    this.members = [this.member(0, config)];
  }

  /** Seeds the ensemble trains (members 1.. join at the first fit). */
  get size(): number {
    return this.seeds.length;
  }

  /** The loss history of member 0's latest fit. */
  get history(): FittedLstm['history'] {
    return this.members[0].history;
  }

  /** Member 0's input preparation, which every member shares, and the ensemble's size. */
  get preprocessing(): LstmPreprocessing | undefined {
    const preprocessing = this.members[0].preprocessing;
    return preprocessing && { ...preprocessing, seeds: this.seeds.length };
  }

  /** The backtest's model: every member fit on the window, the forecast their median. */
  readonly fitter: ModelFitter = async (train: Float64Array, window: WindowInfo): Promise<FittedModel> => {
    const fitted: FittedModel[] = [await this.members[0].fitter(train, window)];
    this.addMembers();
    for (const member of this.members.slice(1)) fitted.push(await member.fitter(train, window));
    const notes = fitted.map((f) => f.note).filter(Boolean);
    return {
      ...(notes.length > 0 && { note: notes[0] }),
      forecastFrom: async (values, origins) => {
        const forecasts: number[][][] = [];
        for (const f of fitted) forecasts.push(await f.forecastFrom(values, origins));
        return medianForecasts(forecasts);
      },
    };
  };

  /** Every member refit on all values (see LstmRun.refit); member 0's first. */
  async refit(values: ArrayLike<number>): Promise<FittedLstm[]> {
    const refits: FittedLstm[] = [];
    for (const member of this.members) refits.push(await member.refit(values));
    return refits;
  }

  /** The `horizon` steps after `values`: the members' median after their refits. */
  async future(values: ArrayLike<number>): Promise<{ forecast: number[]; refits: FittedLstm[] }> {
    const refits = await this.refit(values);
    const forecasts: number[][][] = [];
    for (const refit of refits)
      forecasts.push(await lstmForecastFrom(refit, values, [values.length], this.config.lookback));
    return { forecast: medianForecasts(forecasts)[0], refits };
  }

  dispose(): void {
    this.members.forEach((m) => m.dispose());
  }

  /** Members 1.. once member 0 has fixed the transform. */
  private addMembers(): void {
    if (this.members.length === this.seeds.length) return;
    const transform = this.members[0].preprocessing?.transform ?? this.config.transform;
    for (let k = this.members.length; k < this.seeds.length; k++) {
      // They join after member 0's first fit: their plans must still start at the first.
      this.members.push(this.member(k, { ...this.config, seed: this.seeds[k], transform }));
    }
  }

  private member(k: number, config: ForecastConfig): LstmRun {
    const { onProgress } = this.callbacks;
    const callbacks: RunCallbacks = {
      ...this.callbacks,
      ...(onProgress && {
        onProgress: (p: TrainProgress) => {
          this.progress[k] = p.progress;
          return onProgress({ ...p, progress: this.progress.reduce((a, b) => a + b, 0) / this.progress.length });
        },
      }),
    };
    return new LstmRun(config, this.windows, callbacks, this.series);
  }
}
