'use client';
// Starts a run. Fields are pre-filled with the defaults the API reports for this series; a blank
// field is left out of the request, so the server picks its default.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { createRun } from '@/lib/client/api';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import {
  parseTrainingForm,
  shortSeriesNote,
  TRAINING_FIELDS,
  trainingFormValues,
  type TrainingField,
  type TrainingFormValues,
} from '@/lib/client/training-fields';
import { checkCoverage, covariateFields, NO_COVARIATES, type CovariateValues } from '@/lib/client/covariates';
import type { ForecastConfig, Series } from '@/lib/client/types';
import { CovariateInputs } from './covariate-inputs';
import { GlobalLstmChoice } from './global-lstm-choice';
import { TrainingHelp, TrainingInputs } from './training-inputs';

interface TrainFormProps {
  seriesId: string;
  defaults: ForecastConfig | null;
  /** Points of the series, to say when the defaults were shrunk to fit it. */
  points: number;
  /** Other series of the dataset with this series' frequency: what a global LSTM would pool. */
  relatedSeries: number;
  /** The series and its dataset's series: the covariates to choose from (none until loaded). */
  series?: Series;
  datasetSeries?: readonly Series[];
}

export function TrainForm({ seriesId, defaults, points, relatedSeries, series, datasetSeries = [] }: TrainFormProps) {
  const router = useRouter();
  const [values, setValues] = useState<TrainingFormValues>(() => trainingFormValues(defaults));
  const [globalLstm, setGlobalLstm] = useState(false);
  const [covariates, setCovariates] = useState<CovariateValues>(NO_COVARIATES);
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
      const run = await createRun({
        seriesId,
        ...parsed.overrides,
        ...(globalLstm && relatedSeries > 0 && { globalLstm: true }),
        ...covariateFields(covariates),
      });
      router.push(`/runs/${run.id}`);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors as Partial<Record<TrainingField, string>>);
      setSubmitError(error);
      setSubmitting(false);
    }
  };

  const shortNote = shortSeriesNote(points, defaults);
  const horizon = Number(values.horizon || defaults?.horizon);
  const coverage = series ? checkCoverage(series, horizon, covariates.covariates, datasetSeries) : null;
  const changed = TRAINING_FIELDS.some((f) => values[f.key] !== trainingFormValues(defaults)[f.key]);

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Train forecast" data-testid="train-form">
      {shortNote && (
        <Alert tone="info" data-testid="short-series-note">
          {shortNote}
        </Alert>
      )}
      <TrainingInputs values={values} onChange={setValues} errors={errors} disabled={submitting} />
      <GlobalLstmChoice
        relatedSeries={relatedSeries}
        checked={globalLstm}
        onChange={setGlobalLstm}
        disabled={submitting}
      />
      {series && (
        <CovariateInputs
          target={series}
          series={datasetSeries}
          values={covariates}
          onChange={(next) => {
            setCovariates(next);
            setSubmitError(null);
          }}
          coverage={coverage}
          disabled={submitting}
        />
      )}
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
