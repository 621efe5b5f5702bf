import { describeVerdict } from '@/lib/client/verdict';
import type { Metrics, ModelName } from '@/lib/client/types';

export function VerdictBanner({ metrics }: { metrics: Record<ModelName, Metrics> | null }) {
  const verdict = describeVerdict(metrics);
  if (verdict.beats === null) return null;
  return (
    <div className={`verdict ${verdict.beats ? 'verdict-good' : 'verdict-bad'}`} data-testid="verdict">
      <span className="verdict-icon" aria-hidden="true">
        {verdict.beats ? '✓' : '!'}
      </span>
      <p>{verdict.text}</p>
    </div>
  );
}
