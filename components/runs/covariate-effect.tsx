import { formatNumber } from '@/lib/client/format';
import { MODEL_LABELS } from '@/lib/client/models';
import type { Run } from '@/lib/client/types';

/** Changes within ±2% are no real difference either way. */
const NEGLIGIBLE = 0.02;

/**
 * What the run's covariates and holiday calendar did: its best LSTM backtested with and without
 * them on the same windows, said plainly, including when they made the forecast worse.
 */
export function CovariateEffectPanel({ run }: { run: Pick<Run, 'evaluation'> }) {
  const effect = run.evaluation?.covariateEffect;
  if (!effect) return null;
  const change = effect.change ?? 0;
  const tone = change <= -NEGLIGIBLE ? 'good' : change >= NEGLIGIBLE ? 'bad' : 'neutral';
  const metric = effect.metric.toUpperCase();
  return (
    <div
      className={`verdict verdict-${tone}`}
      data-testid="covariate-effect"
      data-tone={tone}
      role="note"
      aria-label="Effect of covariates and holidays"
    >
      <span className="verdict-icon" aria-hidden="true">
        {tone === 'good' ? '↓' : tone === 'bad' ? '↑' : '='}
      </span>
      <div className="stack stack-sm">
        <p>
          <strong>{effect.sentence}</strong>
        </p>
        <p className="verdict-detail">
          Backtest {metric} of the {MODEL_LABELS[effect.model]}: {formatNumber(effect.withMase)} with,{' '}
          {formatNumber(effect.withoutMase)} without (same windows).
        </p>
      </div>
    </div>
  );
}
