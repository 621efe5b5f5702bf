'use client';
// "Forecast all series" on the dataset page (shown when it has series): one batch over every
// series, then the batch page, where progress and scores appear. It says what each series
// compares: one global LSTM shared by the batch, and its own LSTMs unless the batch is large (off
// by default above 20 series; the checkbox overrides it). Optional, each in its own disclosure:
// covariates (other series of the dataset as inputs of the rest, which alone are forecast) with a
// holiday calendar, and training settings, as on the schedule form (a blank one takes each
// series' default).
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { CovariateInputs } from '@/components/runs/covariate-inputs';
import { TrainingInputs } from '@/components/runs/training-inputs';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/client/api-error';
import { batchModelsText, createBatch, defaultPerSeriesLstm } from '@/lib/client/batches';
import {
  batchTargets,
  checkBatchCoverage,
  covariateFields,
  NO_COVARIATES,
  targetCovariates,
  type CovariateValues,
} from '@/lib/client/covariates';
import {
  parseTrainingForm,
  trainingFormValues,
  type TrainingField,
  type TrainingFormValues,
} from '@/lib/client/training-fields';
import type { Series } from '@/lib/client/types';

export function ForecastAllForm({ datasetId, series }: { datasetId: string; series: readonly Series[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [perSeriesLstm, setPerSeriesLstm] = useState(() => defaultPerSeriesLstm(series.length));
  const [inputs, setInputs] = useState<CovariateValues>(NO_COVARIATES);
  const [config, setConfig] = useState<TrainingFormValues>(() => trainingFormValues(null));
  const [errors, setErrors] = useState<Partial<Record<TrainingField, string>>>({});
  // In a long file, a covariate stands for its column of every id: none of those is forecast.
  const targets = batchTargets(series, inputs.covariates).length;
  const withCovariates = inputs.covariates.length > 0;
  // The settings as the server would read them: the coverage check's horizon, and what is sent.
  const parsed = parseTrainingForm(config);
  const horizon = parsed.overrides.horizon ?? null;
  const ownColumns = ownColumnExample(series, inputs);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors(parsed.errors);
    setError(null);
    if (Object.keys(parsed.errors).length > 0 || targets === 0) return;
    setBusy(true);
    try {
      const batch = await createBatch(datasetId, { ...parsed.overrides, perSeriesLstm, ...covariateFields(inputs) });
      router.push(`/batches/${encodeURIComponent(batch.id)}`);
    } catch (caught) {
      // The server's message above the button, and a setting it refuses under its field.
      if (caught instanceof ApiError) setErrors(caught.fieldErrors as Partial<Record<TrainingField, string>>);
      setError(caught instanceof ApiError ? caught.message : 'Could not start the batch.');
      setBusy(false);
    }
  };

  return (
    <form className="stack stack-sm" onSubmit={submit} noValidate aria-label="Forecast all series">
      <label className="check">
        <input
          type="checkbox"
          checked={perSeriesLstm}
          disabled={busy}
          onChange={(event) => setPerSeriesLstm(event.target.checked)}
          data-testid="forecast-all-per-series-lstm"
        />
        <span>An LSTM per series</span>
      </label>
      <p className="muted" data-testid="forecast-all-models">
        {targets > 0
          ? batchModelsText(targets, perSeriesLstm)
          : 'Every series is a covariate: none is left to forecast.'}
      </p>
      <details className="disclosure" data-testid="forecast-all-covariates">
        <summary>Covariates and holidays (optional)</summary>
        <div className="stack stack-sm">
          <CovariateInputs
            target={null}
            series={series}
            values={inputs}
            onChange={setInputs}
            coverage={withCovariates ? checkBatchCoverage(series, horizon, inputs.covariates) : null}
            disabled={busy}
          />
          {ownColumns && (
            <p className="field-hint" data-testid="batch-covariates-own">
              Each series reads its own id’s column: “{ownColumns.target}” reads “{ownColumns.covariate}”.
            </p>
          )}
        </div>
      </details>
      <details className="disclosure">
        <summary>Training settings (optional)</summary>
        <p className="field-hint">Blank settings take each series&apos; defaults.</p>
        <TrainingInputs values={config} onChange={setConfig} errors={errors} disabled={busy} />
      </details>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="row">
        <Button type="submit" variant="primary" loading={busy} disabled={targets === 0} data-testid="forecast-all">
          {withCovariates ? `Forecast the other ${targets} series` : 'Forecast all series'}
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
