import { Facts } from '@/components/ui/facts';
import { CONFIG_LABELS, formatConfigValue } from '@/lib/client/training-fields';
import type { ForecastConfig } from '@/lib/client/types';

/** Every setting a run was trained with, in a fixed order; covariates by name once `seriesNames` has them. */
export function ConfigFacts({
  config,
  seriesNames,
}: {
  config: ForecastConfig;
  seriesNames?: ReadonlyMap<string, string>;
}) {
  const keys = Object.keys(CONFIG_LABELS) as (keyof ForecastConfig)[];
  return (
    <div data-testid="run-config">
      <Facts
        label="Training configuration"
        items={keys.map((key) => [CONFIG_LABELS[key], formatConfigValue(config[key], seriesNames)])}
      />
    </div>
  );
}
