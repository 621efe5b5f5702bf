import type { ReactNode } from 'react';
import { calendarFeaturesText, transformName } from '@/lib/client/readable-names';
import { Facts } from '@/components/ui/facts';
import { backtestWindowsText, coverageExplanation, coverageText, skillText } from '@/lib/client/evaluation';
import { globalLstmText } from '@/lib/client/global-lstm';
import type { RunEvaluation } from '@/lib/client/types';
import { SearchTrials } from './search-trials';

const SEASON_SOURCE: Record<RunEvaluation['season']['source'], string> = {
  frequency: 'from the frequency',
  detected: 'detected in the data',
  none: 'no season',
};

/** The LSTM's inputs: the transform chosen on validation (with the reason as a tooltip) and calendar features. */
function lstmInputFacts(p: NonNullable<RunEvaluation['lstmPreprocessing']>): [string, ReactNode][] {
  return [
    [
      'LSTM transform',
      <span title={p.transformReason} data-testid="lstm-transform" data-transform={p.transform}>
        {transformName(p.transform)}
      </span>,
    ],
    ['LSTM calendar features', calendarFeaturesText(p.calendarFeatures)],
    ['LSTM layers', String(p.layers)],
  ];
}

/** How the leaderboard was measured: backtest windows, skill, season, and the LSTM's interval coverage. */
export function EvaluationFacts({ evaluation }: { evaluation: RunEvaluation }) {
  const { backtest, season, coverage } = evaluation;
  const coverageNote = coverageExplanation(backtest, coverage.lstm, 'the LSTM');
  return (
    <div className="stack stack-sm" data-testid="evaluation">
      <Facts
        label="Evaluation"
        items={[
          ['Backtest windows', backtestWindowsText(backtest)],
          evaluation.lstmSkipped
            ? ['LSTMs', <span data-testid="lstm-skipped">{evaluation.lstmSkipped}</span>]
            : [
                'Plain LSTM skill vs seasonal naive',
                <span title="1 − MASE(LSTM) / MASE(seasonal naive): the share of its error the LSTM removes">
                  {skillText(evaluation.skill)}
                </span>,
              ],
          [
            'Season length',
            season.length > 1 ? `${season.length} steps, ${SEASON_SOURCE[season.source]}` : 'None found',
          ],
          ...(coverage.lstm
            ? ([
                ['LSTM 80% interval coverage', coverageText(coverage.lstm['80'], 80)],
                ['LSTM 95% interval coverage', coverageText(coverage.lstm['95'], 95)],
              ] as [string, ReactNode][])
            : []),
          ...(evaluation.lstmPreprocessing ? lstmInputFacts(evaluation.lstmPreprocessing) : []),
          ...(evaluation.globalLstm
            ? [
                ['Global LSTM', <span data-testid="global-lstm">{globalLstmText(evaluation.globalLstm)}</span>] as [
                  string,
                  ReactNode,
                ],
              ]
            : []),
        ]}
      />
      {coverageNote && (
        <p className="field-hint" data-testid="coverage-note">
          {coverageNote}
        </p>
      )}
      {evaluation.search && <SearchTrials search={evaluation.search} />}
      {backtest.note && (
        <p className="field-hint" data-testid="backtest-note">
          {backtest.note}
        </p>
      )}
    </div>
  );
}
