import { useId } from 'react';
import { Badge } from '@/components/ui/badge';
import { StepCoverage } from '@/components/runs/step-coverage';
import { Table } from '@/components/ui/table';
import { singlePickText, skillText } from '@/lib/client/evaluation';
import { formatDuration, formatNumber } from '@/lib/client/format';
import { leaderboardRows } from '@/lib/client/leaderboard';
import { MODEL_DESCRIPTIONS, predictionModelLabel } from '@/lib/client/models';
import type { PredictionModel, RunEvaluation, RunMetrics } from '@/lib/client/types';

interface LeaderboardProps {
  metrics: RunMetrics;
  evaluation: RunEvaluation | null;
  /** The model the forecast chart draws: its row is highlighted. */
  shown?: PredictionModel;
  /** Draws a model in the forecast chart (null: the champion); without it there is no Show column. */
  onShow?: (model: PredictionModel | null) => void;
}

/**
 * Every model ranked by backtest MASE with its skill against seasonal naive and fit time; the
 * champion is marked and its reason stated, and the best LSTM is always named beside it, so a
 * user sees honestly whether the neural network earned its training time. Picking a row draws
 * that model in the forecast chart (and sets the download).
 */
export function Leaderboard({ metrics, evaluation, shown, onShow }: LeaderboardProps) {
  const rows = leaderboardRows(metrics, evaluation);
  // One radio group per leaderboard on the page.
  const pickName = `chart-model-${useId()}`;
  const champion = evaluation?.champion;
  const family = champion?.lstmFamily;
  const singlePick = champion?.nested ? singlePickText(champion.testMase, champion.nested) : null;
  // What happened to a model that the table cannot say: a fit that fell back, a season it ignores.
  const notes = rows.flatMap((row) => {
    const note = row.model === 'ensemble' ? undefined : evaluation?.notes?.[row.model];
    return note ? [[row.model, note] as const] : [];
  });
  return (
    <div className="stack stack-sm" data-testid="leaderboard">
      {champion && (
        <p data-testid="champion-reason">
          <strong>Champion: {predictionModelLabel(champion.model, champion.members)}.</strong> {champion.reason}
        </p>
      )}
      {champion?.nested && (
        <p className="muted" data-testid="champion-test-mase">
          MASE {formatNumber(champion.testMase, 3)}: champion, scored on windows it was not chosen on (
          {champion.nested.windows.length} backtest window{champion.nested.windows.length === 1 ? '' : 's'}, each
          forecast by the model picked on the windows before it). Best single model there, with hindsight:{' '}
          {predictionModelLabel(champion.nested.bestSingle.model)}, {formatNumber(champion.nested.bestSingle.mase, 3)}.
          {singlePick && ` ${singlePick}`}
        </p>
      )}
      {champion && <StepCoverage champion={champion} />}
      {family && (
        <p className="muted" data-testid="lstm-family">
          Best LSTM: {predictionModelLabel(family.model)}, MASE {formatNumber(family.mase, 3)}, skill vs seasonal naive{' '}
          {skillText(family.skill)}.
        </p>
      )}
      {onShow && (
        <p className="muted">Pick a model to draw it in the forecast chart and to download its predictions.</p>
      )}
      <Table caption="Models ranked by backtest MASE (lower is better)" moreColumns>
        <thead>
          <tr>
            {onShow && (
              <th scope="col">
                <span className="visually-hidden">Drawn in the forecast chart</span>
              </th>
            )}
            <th scope="col">Rank</th>
            <th scope="col">Model</th>
            <th
              scope="col"
              className="num"
              title="Mean absolute scaled error on the backtest: below 1 beats seasonal naive in-sample"
            >
              MASE
            </th>
            <th
              scope="col"
              className="num"
              title="1 − MASE / MASE(seasonal naive): the share of its error the model removes"
            >
              Skill
            </th>
            <th scope="col" className="num col-more" title="Mean absolute error on the backtest">
              MAE
            </th>
            <th
              scope="col"
              className="num col-more"
              title="Wall time of every fit and forecast: backtest windows and refit"
            >
              Fit time
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr
              key={row.model}
              className={row.model === shown ? 'is-selected' : undefined}
              data-testid={`leaderboard-${row.model}`}
            >
              {onShow && (
                <td>
                  <input
                    type="radio"
                    name={pickName}
                    checked={row.model === shown}
                    onChange={() => onShow(row.champion ? null : row.model)}
                    aria-label={`Draw ${row.label} in the forecast chart`}
                    data-testid={`show-${row.model}`}
                  />
                </td>
              )}
              <td>{i + 1}</td>
              <th scope="row" title={MODEL_DESCRIPTIONS[row.model]}>
                {row.label}
                {row.champion && (
                  <>
                    {' '}
                    <Badge tone="success" data-testid="champion-badge">
                      Champion
                    </Badge>
                  </>
                )}
                {row.lstmFamily && (
                  <>
                    {' '}
                    <Badge tone="info" plain>
                      LSTM
                    </Badge>
                  </>
                )}
              </th>
              <td className="num">{formatNumber(row.mase, 3)}</td>
              <td className="num">{skillText(row.skill)}</td>
              <td className="num col-more">{formatNumber(row.mae)}</td>
              <td className="num col-more">{row.model === 'ensemble' ? 'averaged' : formatDuration(row.fitMs)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {notes.length > 0 && (
        <ul className="muted note-list" data-testid="model-notes">
          {notes.map(([model, note]) => (
            <li key={model}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
