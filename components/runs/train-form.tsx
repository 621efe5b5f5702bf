'use client';
// Starts a run. Fields are pre-filled with the defaults the API reports for this series; a blank
// field is left out of the request, so the server picks its default. With the hyperparameter search
// on (the default), the fields it chooses start blank: typing one holds it.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { RUN_NAME_MAX } from '@/lib/api/schemas/runs';
import { createRun } from '@/lib/client/api';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import {
  parseSearchBudget,
  parseTrainingForm,
  SEARCHED_FORM_FIELDS,
  shortSeriesNote,
  TRAINING_FIELDS,
  trainingFormValues,
  type TrainingField,
  type TrainingFormValues,
} from '@/lib/client/training-fields';
import { checkCoverage, covariateFields, NO_COVARIATES, type CovariateValues } from '@/lib/client/covariates';
import { DEFAULT_PICKED, modelsOverride } from '@/lib/client/models';
import type { ComparedModel, ForecastConfig, Series } from '@/lib/client/types';
import { CovariateInputs } from './covariate-inputs';
import { GlobalLstmChoice } from './global-lstm-choice';
import { SearchChoice } from './search-choice';
import { ModelChoice } from './model-choice';
import { TrainingHelp, TrainingInputs } from './training-inputs';

/** What blank fields say while the search chooses them. */
const SEARCHED_PLACEHOLDERS = Object.fromEntries(SEARCHED_FORM_FIELDS.map((key) => [key, 'searched']));

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
  const [search, setSearch] = useState(defaults?.search !== 'off');
  const initialValues = (searched: boolean) => trainingFormValues(defaults, { searched });
  const [values, setValues] = useState<TrainingFormValues>(() => initialValues(search));
  const [budget, setBudget] = useState('');
  const [budgetError, setBudgetError] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [globalLstm, setGlobalLstm] = useState(false);
  const [models, setModels] = useState<ComparedModel[]>(() => [...DEFAULT_PICKED]);
  const [covariates, setCovariates] = useState<CovariateValues>(NO_COVARIATES);
  const [errors, setErrors] = useState<Partial<Record<TrainingField, string>>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTrainingForm(values);
    const searchBudget = search ? parseSearchBudget(budget) : { value: undefined };
    setErrors(parsed.errors);
    setBudgetError(searchBudget.error);
    setSubmitError(null);
    if (Object.keys(parsed.errors).length > 0 || searchBudget.error) return;
    setSubmitting(true);
    try {
      const picked = modelsOverride(models);
      const run = await createRun({
        seriesId,
        ...(name.trim() && { name: name.trim() }),
        ...parsed.overrides,
        ...(search
          ? searchBudget.value !== undefined && { searchBudgetSeconds: searchBudget.value }
          : { search: 'off' }),
        ...(globalLstm && relatedSeries > 0 && { globalLstm: true }),
        ...(picked && { models: picked }),
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
  const changed =
    TRAINING_FIELDS.some((f) => values[f.key] !== initialValues(search)[f.key]) || modelsOverride(models) !== undefined;
  // Turning the search on blanks the fields it chooses; off, they show the defaults again.
  const toggleSearch = (on: boolean) => {
    setSearch(on);
    const fresh = initialValues(on);
    setValues(
      Object.fromEntries(
        TRAINING_FIELDS.map((f) => [f.key, SEARCHED_FORM_FIELDS.includes(f.key) ? fresh[f.key] : values[f.key]]),
      ) as TrainingFormValues,
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Train forecast" data-testid="train-form">
      {shortNote && (
        <Alert tone="info" data-testid="short-series-note">
          {shortNote}
        </Alert>
      )}
      <InputField
        label="Run name (optional)"
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={RUN_NAME_MAX}
        placeholder="e.g. before the price change"
        hint="Shown in the runs list, on the run page and in comparisons; you can rename it later."
        autoComplete="off"
        disabled={submitting}
        className="field-name"
        data-testid="run-name"
      />
      <TrainingInputs
        values={values}
        onChange={setValues}
        errors={errors}
        placeholders={search ? SEARCHED_PLACEHOLDERS : undefined}
        disabled={submitting}
      />
      <SearchChoice
        checked={search}
        onChange={toggleSearch}
        budgetSeconds={budget}
        onBudgetChange={setBudget}
        defaultBudgetSeconds={defaults?.searchBudgetSeconds}
        budgetError={budgetError}
        disabled={submitting}
      />
      <ModelChoice picked={models} onChange={setModels} disabled={submitting} />
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
          <Button
            variant="ghost"
            onClick={() => {
              setValues(initialValues(search));
              setModels([...DEFAULT_PICKED]);
            }}
            disabled={submitting}
          >
            Reset to defaults
          </Button>
        )}
      </div>
    </form>
  );
}
