// The champion's honest score as every screen states it: its MASE on the backtest windows it was
// not chosen on (nested-champion.ts), against seasonal naive's MASE on those same windows. Read
// from the engine's report, the stored evaluation and the API's alike (the run page's headline,
// a batch's rows), so that they cannot come to disagree about which figures those are.

/** The part of a champion (engine, stored or API shape) the honest score is read from. */
export interface ChampionScores {
  testMase?: number | null;
  nested?: { windows: readonly unknown[]; reference?: { mase: number | null } | null } | null;
}

export interface HonestScore {
  /** The champion's MASE on the windows it was not chosen on. */
  mase: number;
  /** Seasonal naive's MASE on the same windows. */
  reference: number;
  /** How many windows those are. */
  windows: number;
}

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * The champion's honest score and seasonal naive's beside it; null when the run lacks either
 * (older runs; a single backtest window, which has no earlier one to choose on).
 */
export function honestScore(champion: ChampionScores | null | undefined): HonestScore | null {
  const mase = champion?.testMase;
  const reference = champion?.nested?.reference?.mase;
  if (!champion?.nested || !finite(mase) || !finite(reference)) return null;
  return { mase, reference, windows: champion.nested.windows.length };
}
