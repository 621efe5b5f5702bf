'use client';
// "Forecast all series" on the dataset page (shown when it has series): one batch over every
// series, then the batch page, where progress and scores appear. It says what each series
// compares: one global LSTM shared by the batch, and its own LSTMs unless the batch is large (off
// by default above 20 series; the checkbox overrides it). Training settings are optional, as on the
// schedule form: a blank one takes each series' default.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { TrainingInputs } from '@/components/runs/training-inputs';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/client/api-error';
import { batchModelsText, createBatch, defaultPerSeriesLstm } from '@/lib/client/batches';
import {
  parseTrainingForm,
  trainingFormValues,
  type TrainingField,
  type TrainingFormValues,
} from '@/lib/client/training-fields';

export function ForecastAllForm({ datasetId, seriesCount }: { datasetId: string; seriesCount: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [perSeriesLstm, setPerSeriesLstm] = useState(() => defaultPerSeriesLstm(seriesCount));
  const [config, setConfig] = useState<TrainingFormValues>(() => trainingFormValues(null));
  const [errors, setErrors] = useState<Partial<Record<TrainingField, string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTrainingForm(config);
    setErrors(parsed.errors);
    setError(null);
    if (Object.keys(parsed.errors).length > 0) return;
    setBusy(true);
    try {
      const batch = await createBatch(datasetId, { ...parsed.overrides, perSeriesLstm });
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
        {batchModelsText(seriesCount, perSeriesLstm)}
      </p>
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
        <Button type="submit" variant="primary" loading={busy} data-testid="forecast-all">
          Forecast all series
        </Button>
      </div>
    </form>
  );
}
