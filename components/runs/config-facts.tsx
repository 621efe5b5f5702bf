import { Facts } from '@/components/ui/facts';
import type { SearchSettings } from '@/lib/client/search';
import { configFacts } from '@/lib/client/training-fields';
import type { ForecastConfig } from '@/lib/client/types';

/**
 * Every setting a run was trained with, in a fixed order; covariates by name once `seriesNames` has
 * them; a value the hyperparameter search changed beside the configured one (`chosen`).
 */
export function ConfigFacts({
  config,
  chosen,
  seriesNames,
}: {
  config: ForecastConfig;
  chosen?: SearchSettings;
  seriesNames?: ReadonlyMap<string, string>;
}) {
  return (
    <div data-testid="run-config">
      <Facts label="Training configuration" items={configFacts(config, { chosen, seriesNames })} />
    </div>
  );
}
