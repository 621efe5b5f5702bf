import { Table } from '@/components/ui/table';
import { formatNumber, formatPercent } from '@/lib/client/format';
import type { RunEvaluation } from '@/lib/client/types';

type StoredChampion = NonNullable<RunEvaluation['champion']>;

const share = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : formatPercent(value);

/**
 * The champion's interval coverage per horizon step (leave-one-window-out), folded away: late
 * steps often cover less than the pooled share suggests. With its MSIS and weighted quantile loss.
 * Nothing on runs stored before these were kept.
 */
export function StepCoverage({ champion }: { champion: StoredChampion }) {
  const by80 = champion.coverage['80'].byStep;
  const by95 = champion.coverage['95'].byStep;
  if (!by80 || !by95) return null;
  const scores = champion.intervalScores;
  return (
    <details data-testid="step-coverage">
      <summary>Champion&apos;s interval coverage per step</summary>
      {scores && (
        <p className="muted">
          MSIS (95% interval) {formatNumber(scores.msis, 3)}, weighted quantile loss (P10/P50/P90){' '}
          {formatNumber(scores.wql, 3)}: lower is better; each window checked against intervals calibrated without it.
        </p>
      )}
      <Table caption="Share of backtest actual values inside the interval, by steps ahead">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col" className="num">
              80%
            </th>
            <th scope="col" className="num">
              95%
            </th>
          </tr>
        </thead>
        <tbody>
          {by80.map((value, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td className="num">{share(value)}</td>
              <td className="num">{share(by95[i])}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {[...by80, ...by95].some((value) => value === null || value === undefined) && (
        <p className="field-hint">
          A dash: too few past errors at that step to bound the interval, so its points are not counted in the
          interval&apos;s coverage.
        </p>
      )}
    </details>
  );
}
