'use client';
// "Forecast all series with covariates" on the dataset page (issue 22): one batch over every
// series but the chosen covariates, which are inputs of each run, with an optional holiday
// calendar and horizon. The batch page shows progress and scores as for "Forecast all series".
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { CovariateInputs } from '@/components/runs/covariate-inputs';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { errorMessage } from '@/lib/client/api-error';
import { createBatch } from '@/lib/client/batches';
import {
  batchTargets,
  checkBatchCoverage,
  covariateFields,
  NO_COVARIATES,
  targetCovariates,
  type CovariateValues,
} from '@/lib/client/covariates';
import { parseTrainingForm, TRAINING_FIELDS } from '@/lib/client/training-fields';
import type { Series } from '@/lib/client/types';

const HORIZON = TRAINING_FIELDS.find((field) => field.key === 'horizon')!;

export function ForecastWithCovariates({ datasetId, series }: { datasetId: string; series: readonly Series[] }) {
  const router = useRouter();
  const [values, setValues] = useState<CovariateValues>(NO_COVARIATES);
  const [horizon, setHorizon] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The train form's check of the horizon: the server's bounds, its messages.
  const { overrides, errors } = parseTrainingForm({ horizon });
  const horizonError = errors.horizon;
  const steps = overrides.horizon ?? null;
  // In a long file, a covariate stands for its column of every id: none of those is forecast.
  const targets = batchTargets(series, values.covariates).length;

  const ownColumns = ownColumnExample(series, values);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (horizonError || values.covariates.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const batch = await createBatch(datasetId, {
        ...(steps !== null && { horizon: steps }),
        ...covariateFields(values),
      });
      router.push(`/batches/${encodeURIComponent(batch.id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label="Forecast with covariates"
      data-testid="batch-covariates-form"
    >
      <CovariateInputs
        target={null}
        series={series}
        values={values}
        onChange={setValues}
        coverage={values.covariates.length > 0 ? checkBatchCoverage(series, steps, values.covariates) : null}
        disabled={busy}
      />
      {ownColumns && (
        <p className="field-hint" data-testid="batch-covariates-own">
          Each series reads its own id’s column: “{ownColumns.target}” reads “{ownColumns.covariate}”.
        </p>
      )}
      <InputField
        label="Horizon"
        type="number"
        min={HORIZON.min}
        max={HORIZON.max}
        inputMode="numeric"
        value={horizon}
        placeholder="default"
        onChange={(event) => setHorizon(event.target.value)}
        error={horizonError}
        hint="Steps to forecast; blank: each series’ default."
        className="field-narrow"
        disabled={busy}
      />
      {error !== null && (
        <Alert tone="error" title="The batch was not started">
          {errorMessage(error)}
        </Alert>
      )}
      <div className="form-actions">
        <Button
          type="submit"
          variant="primary"
          loading={busy}
          disabled={values.covariates.length === 0 || targets === 0}
          data-testid="batch-covariates-submit"
        >
          {values.covariates.length === 0 ? 'Choose covariates first' : `Forecast the other ${targets} series`}
        </Button>
      </div>
    </form>
  );
}

/** A target whose covariate is another series than the one chosen (a long file's own id), or null. */
function ownColumnExample(series: readonly Series[], { covariates }: CovariateValues) {
  const name = (id: string) => series.find((s) => s.id === id)?.name ?? id;
  for (const target of batchTargets(series, covariates)) {
    const own = targetCovariates(target, covariates, series).find((c, k) => c.seriesId !== covariates[k].seriesId);
    if (own) return { target: target.name, covariate: name(own.seriesId) };
  }
  return null;
}
