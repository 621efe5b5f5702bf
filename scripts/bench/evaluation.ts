// The leaderboard on the evaluation set (evaluation-set.ts), with default configs as a user would
// run them plus what the series' owner knows (the US births series with the US holiday calendar;
// each series' header says what it set), and issue 8's targets checked honestly:
//   - an LSTM-family model at or below the best non-neural model's backtest MASE on at least half
//     of the series, and within 25% of it on all;
//   - issue 19: the LSTM family at or below the best non-neural model on at least 3 of the 4 kinds of
//     series (hourly, daily, monthly, short): on a kind, the geometric mean of its series' ratios (the
//     count of kinds with at least one series at or below is printed beside it);
//   - issue 19: the champion's honest score (nested selection: each window forecast by the pick made
//     on the windows before it) at most 2% above the best single model's on the same windows.
// The champion's backtest MASE against the best single model's is printed too, not as a target: the
// champion is chosen on those windows (and, pooling the models within 20% of the best, may score
// above the best alone there); the nested score is the honest comparison. Beside it, for
// information, the nested score over one model picked the same way without averaging: whether
// pooling close models paid off against betting on the best of the earlier windows.
// Per series it prints the time of each phase (the LSTMs' fits by phase, every model's fit time)
// and the leaderboard sorted by backtest MASE. The targets count every series, the held-out ones
// (evaluation-set.ts) included, which are also summed up alone. Then the global LSTM against
// per-series LSTMs on a set of related series (evaluation-global.ts).
import { ALWAYS_COMPARED, modelEntry, modelsIn, modelsOfFamily } from '@/lib/forecast/compared-models';
import { runForecast } from '@/lib/forecast/forecast';
import type { ComparedModel, ForecastResult, TrainProgress } from '@/lib/forecast/types';
import { compareGlobalLstm } from './evaluation-global';
import { evaluationSet, type EvaluationKind } from './evaluation-set';
import { seconds, table } from './format';
import type { BenchSection } from './section';

const LSTM_FAMILY: readonly ComparedModel[] = modelsOfFamily('lstm');
const NON_NEURAL = ALWAYS_COMPARED.filter((m) => !LSTM_FAMILY.includes(m));
/** "Within 25%": the best LSTM's MASE at most 1.25 × the best non-neural model's. */
const WITHIN = 1.25;
/** Issue 19: the champion's nested test MASE at most 2% above the best single model's. */
const NESTED_WITHIN = 1.02;

const maseOf = (result: ForecastResult, m: ComparedModel) => modelEntry(result.models, m).metrics.mase;

/** The model of `models` (those the run fit) with the lowest backtest MASE. */
const best = (result: ForecastResult, models: readonly ComparedModel[]) =>
  models.filter((m) => result.models[m]).reduce((a, b) => (maseOf(result, b) < maseOf(result, a) ? b : a));

function leaderboard(result: ForecastResult): string {
  const seasonal = result.models.seasonalNaive.metrics.mase;
  const rows = modelsIn(result.models)
    .sort((a, b) => maseOf(result, a) - maseOf(result, b))
    .map((m) => {
      const mase = maseOf(result, m);
      return [
        `${m}${result.champion.members.includes(m) ? ' *' : ''}`,
        mase.toFixed(3),
        (1 - mase / seasonal).toFixed(2),
        seconds(modelEntry(result.models, m).fitMs),
      ];
    });
  if (result.champion.model === 'ensemble') {
    const { mase } = result.champion.metrics;
    rows.unshift([
      `ensemble (${result.champion.members.join(' + ')})`,
      mase.toFixed(3),
      (1 - mase / seasonal).toFixed(2),
      '—',
    ]);
  }
  return table(['model', 'MASE', 'skill', 'fit time'], rows);
}

export const evaluation: BenchSection = {
  name: 'evaluation',
  description:
    'Leaderboard per series of the evaluation set (synthetic multi-seasonal + US births) and the issue-8 targets',
  async run() {
    const verdicts: {
      name: string;
      kind: EvaluationKind;
      ratio: number;
      backtestRatio: number;
      nestedRatio: number | undefined;
      poolingRatio: number | undefined;
      heldOut: boolean;
    }[] = [];
    for (const { name, kind, series, config, heldOut = false } of evaluationSet()) {
      const phaseMs = new Map<TrainProgress['phase'], number>();
      let last = performance.now();
      const started = last;
      const result = await runForecast(series, config ?? {}, {
        onProgress: (p) => {
          const now = performance.now();
          phaseMs.set(p.phase, (phaseMs.get(p.phase) ?? 0) + (now - last));
          last = now;
        },
      });
      const totalMs = performance.now() - started;
      const lstm = best(result, LSTM_FAMILY);
      const anchor = best(result, NON_NEURAL);
      const ratio = maseOf(result, lstm) / maseOf(result, anchor);
      const bestSingle = Math.min(...modelsIn(result.models).map((m) => maseOf(result, m)));
      const backtestRatio = result.champion.metrics.mase / bestSingle;
      const { nested } = result.champion;
      const nestedRatio = nested ? nested.testMase / nested.bestSingle.mase : undefined;
      const poolingRatio = nested ? nested.testMase / nested.singlePick.mase : undefined;
      verdicts.push({ name, kind, ratio, backtestRatio, nestedRatio, poolingRatio, heldOut });
      // Printed as each series finishes (the section takes minutes); the targets are returned at the end.
      console.log(
        [
          `-- ${name}: ${series.v.length} points, ${config ? `defaults and ${JSON.stringify(config)}` : 'defaults'}, ` +
            `horizon ${result.config.horizon}, lookback ${result.config.lookback}, ` +
            `${result.config.epochs} epochs, ${result.backtest.windows.length} windows, total ${seconds(totalMs)}`,
          `   LSTM phases (both LSTMs' epochs, and the other models' fits in between): ` +
            [...phaseMs].map(([phase, ms]) => `${phase} ${seconds(ms)}`).join(', '),
          leaderboard(result),
          `   * champion: ${result.champion.reason}`,
          nested
            ? `   Champion's nested test MASE ${nested.testMase.toFixed(3)} over ${nested.windows.length} window${nested.windows.length === 1 ? '' : 's'} ` +
              `(picks: ${nested.windows.map((w) => w.members.join('+')).join(', ')}) vs best single model there ` +
              `${nested.bestSingle.model} ${nested.bestSingle.mase.toFixed(3)} (ratio ${nestedRatio!.toFixed(3)}); one model ` +
              `picked the same way (${nested.singlePick.models.join(', ')}) ${nested.singlePick.mase.toFixed(3)} (ratio ${poolingRatio!.toFixed(3)}).`
            : '   No nested test MASE: no scored window had an earlier one to choose on.',
          `   Best LSTM ${lstm} ${maseOf(result, lstm).toFixed(3)} vs best non-neural ${anchor} ` +
            `${maseOf(result, anchor).toFixed(3)} (ratio ${ratio.toFixed(2)}).`,
          '',
        ].join('\n'),
      );
    }
    const atOrBelow = verdicts.filter((v) => v.ratio <= 1).length;
    const within = verdicts.filter((v) => v.ratio <= WITHIN).length;
    const nestedOk = verdicts.filter((v) => v.nestedRatio !== undefined && v.nestedRatio <= NESTED_WITHIN).length;
    const n = verdicts.length;
    const kinds = [...new Set(verdicts.map((v) => v.kind))].map((kind) => {
      const ratios = verdicts.filter((v) => v.kind === kind).map((v) => v.ratio);
      return {
        kind,
        ratio: Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length),
        anySeries: ratios.some((r) => r <= 1),
      };
    });
    const kindsAtOrBelow = kinds.filter((k) => k.ratio <= 1).length;
    const heldOut = verdicts.filter((v) => v.heldOut);
    const kindsOnASeries = kinds.filter((k) => k.anySeries).length;
    return [
      'Targets (issue 8):',
      `- LSTM family at or below the best non-neural MASE on ≥ half the series: ${atOrBelow} of ${n} — ${atOrBelow * 2 >= n ? 'MET' : 'NOT MET'}.`,
      `- LSTM family within 25% of it on every series: ${within} of ${n} — ${within === n ? 'MET' : 'NOT MET'}` +
        (within < n ? ` (worst ratio ${Math.max(...verdicts.map((v) => v.ratio)).toFixed(2)}).` : '.'),
      `- LSTM family at or below the best non-neural MASE on ≥ 3 of 4 kinds of series (issue 19): ${kindsAtOrBelow} of ` +
        `${kinds.length} — ${kindsAtOrBelow >= 3 ? 'MET' : 'NOT MET'} (${kinds.map((k) => `${k.kind} ${k.ratio.toFixed(2)}`).join(', ')}; ` +
        `read less strictly, at or below on at least one series of the kind: ${kindsOnASeries} of ${kinds.length}).`,
      `- Champion's nested test MASE within 2% of the best single model's (issue 19): ${nestedOk} of ${n} — ` +
        `${nestedOk === n ? 'MET' : 'NOT MET'} (ratios ${verdicts.map((v) => v.nestedRatio?.toFixed(3) ?? 'n/a').join(', ')}; ` +
        `mean ${(verdicts.reduce((s, v) => s + (v.nestedRatio ?? 1), 0) / n).toFixed(3)}).`,
      `- For information, the champion's backtest MASE over the best single model's on the windows it was chosen on: ` +
        `${verdicts.map((v) => v.backtestRatio.toFixed(3)).join(', ')}.`,
      `- For information, the champion's nested test MASE over one model picked the same way without averaging ` +
        `(below 1: pooling paid off): ${verdicts.map((v) => v.poolingRatio?.toFixed(3) ?? 'n/a').join(', ')}.`,
      `- The held-out series alone (not looked at while tuning the defaults up to 2026-12-07; the hybrid's anchor and calendar effects were made with them in view): best LSTM family over best ` +
        `non-neural ${heldOut.map((v) => `${v.kind} ${v.ratio.toFixed(2)}`).join(', ')}; champion's nested ratio ` +
        `${heldOut.map((v) => v.nestedRatio?.toFixed(3) ?? 'n/a').join(', ')}.`,
      '',
      await compareGlobalLstm(),
    ].join('\n');
  },
};
