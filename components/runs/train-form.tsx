'use client';
// Starts a run. Fields are pre-filled with the defaults the API reports for this series; a blank
// field is left out of the request, so the server picks its default. The global LSTM is a choice
// only when the dataset has other series of the same frequency to learn from.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { createRun } from '@/lib/client/api';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import {
  parseTrainingForm,
  TRAINING_FIELDS,
  trainingFormValues,
  type TrainingField,
  type TrainingFormValues,
} from '@/lib/client/training-fields';
import type { ForecastConfig } from '@/lib/client/types';
import { TrainingHelp, TrainingInputs } from './training-inputs';

interface TrainFormProps {
  seriesId: string;
  defaults: ForecastConfig | null;
  /** Other series of the dataset with this series' frequency: what a global LSTM would pool. */
  relatedSeries: number;
}

export function TrainForm({ seriesId, defaults, relatedSeries }: TrainFormProps) {
  const router = useRouter();
  const [values, setValues] = useState<TrainingFormValues>(() => trainingFormValues(defaults));
  const [globalLstm, setGlobalLstm] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<TrainingField, string>>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTrainingForm(values);
    setErrors(parsed.errors);
    setSubmitError(null);
    if (Object.keys(parsed.errors).length > 0) return;
    setSubmitting(true);
    try {
      const run = await createRun({ seriesId, ...parsed.overrides, ...(globalLstm && relatedSeries > 0 && { globalLstm: true }) });
      router.push(`/runs/${run.id}`);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors as Partial<Record<TrainingField, string>>);
      setSubmitError(error);
      setSubmitting(false);
    }
  };

  const changed = TRAINING_FIELDS.some((f) => values[f.key] !== trainingFormValues(defaults)[f.key]);

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Train forecast" data-testid="train-form">
      <TrainingInputs values={values} onChange={setValues} errors={errors} disabled={submitting} />
      <div>
        <label className="check">
          <input
            type="checkbox"
            name="globalLstm"
            checked={globalLstm && relatedSeries > 0}
            disabled={submitting || relatedSeries === 0}
            onChange={(event) => setGlobalLstm(event.target.checked)}
            aria-describedby="global-lstm-hint"
            data-testid="global-lstm"
          />
          <span>Also train a global LSTM across this dataset&apos;s series</span>
        </label>
        <p className="field-hint hint-below" id="global-lstm-hint">
          {relatedSeries === 0
            ? 'Not available: the dataset has no other series of this frequency to learn from.'
            : `One LSTM learns from this series and ${relatedSeries} other${relatedSeries === 1 ? '' : 's'} of the dataset, each scaled by its own history, and is ranked beside the per-series LSTM. The run takes longer: one more LSTM, on the pooled windows.`}
        </p>
      </div>
      <TrainingHelp />
      {submitError !== null && (
        <Alert tone="error" title="The run was not started">
          {errorMessage(submitError)}
        </Alert>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={submitting} data-testid="train-submit">
          Train forecast
        </Button>
        {changed && (
          <Button variant="ghost" onClick={() => setValues(trainingFormValues(defaults))} disabled={submitting}>
            Reset to defaults
          </Button>
        )}
      </div>
    </form>
  );
}
