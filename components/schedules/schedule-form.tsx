'use client';
// Creates a retraining schedule: every N minutes/hours/days, or a cron expression, with optional
// training settings (blank ones take the series' defaults when each run starts). For one series
// (a run per firing) or, on the dataset page, for the dataset's series: all of them or a chosen
// few, as one batch per firing.
import { useId, useState, type FormEvent } from 'react';
import { CovariateInputs } from '@/components/runs/covariate-inputs';
import { GlobalLstmChoice } from '@/components/runs/global-lstm-choice';
import { TrainingInputs } from '@/components/runs/training-inputs';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { InputField, SelectField } from '@/components/ui/field';
import { createSchedule } from '@/lib/client/api';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { EVERY_UNITS, toEvery, type EveryUnit } from '@/lib/client/schedule-interval';
import {
  parseTrainingForm,
  trainingFormValues,
  type TrainingField,
  type TrainingFormValues,
} from '@/lib/client/training-fields';
import { checkCoverage, covariateFields, NO_COVARIATES, type CovariateValues } from '@/lib/client/covariates';
import type { ForecastConfig, Schedule, Series } from '@/lib/client/types';

type Mode = 'every' | 'cron';
type FormErrors = Partial<Record<TrainingField | 'every' | 'cron' | 'seriesIds', string>>;

const TIMING_LABELS = { every: 'The interval', cron: 'The cron expression' } as const;

/**
 * A validation error's field messages under the form's own fields (config.horizon → horizon), the
 * timing ones with their subject; null when the error names no field the form shows.
 */
function formErrorsOf(error: ApiError, shown: readonly string[]): FormErrors | null {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const key = path.replace(/^config\./, '');
    if (!shown.includes(key)) return null;
    errors[key] = key in TIMING_LABELS ? `${TIMING_LABELS[key as keyof typeof TIMING_LABELS]} ${message}.` : message;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/** What the new schedule retrains: one series, or series of a dataset (as a batch per firing). */
export type ScheduleFormTarget =
  { seriesId: string } | { datasetId: string; series: readonly { id: string; name: string }[] };

interface ScheduleFormProps {
  target: ScheduleFormTarget;
  defaults: ForecastConfig | null;
  /** Other series of the dataset with this series' frequency: what a global LSTM would pool. */
  relatedSeries: number;
  onCreated: (schedule: Schedule) => void;
  /** The series and its dataset's series: the covariates to choose from (none until loaded). */
  series?: Series;
  datasetSeries?: readonly Series[];
}

export function ScheduleForm({
  target,
  defaults,
  relatedSeries,
  onCreated,
  series,
  datasetSeries = [],
}: ScheduleFormProps) {
  const id = useId();
  const dataset = 'datasetId' in target ? target : null;
  const [allSeries, setAllSeries] = useState(true);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [mode, setMode] = useState<Mode>('every');
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<EveryUnit>('d');
  const [cron, setCron] = useState('0 3 * * *');
  const [config, setConfig] = useState<TrainingFormValues>(() => trainingFormValues(null));
  const [globalLstm, setGlobalLstm] = useState(false);
  const [covariates, setCovariates] = useState<CovariateValues>(NO_COVARIATES);
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const placeholders = Object.fromEntries(
    Object.entries(trainingFormValues(defaults)).map(([key, value]) => [key, value || 'default']),
  ) as Partial<Record<TrainingField, string>>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTrainingForm(config);
    const nextErrors: typeof errors = { ...parsed.errors };
    const count = Number(amount);
    if (mode === 'every' && (!Number.isInteger(count) || count < 1))
      nextErrors.every = 'Enter a whole number of at least 1.';
    if (mode === 'cron' && cron.trim().split(/\s+/).length < 5) {
      nextErrors.cron = 'A cron expression has five fields: minute hour day-of-month month day-of-week.';
    }
    if (dataset && !allSeries && chosen.size === 0) nextErrors.seriesIds = 'Choose at least one series.';
    setErrors(nextErrors);
    setSubmitError(null);
    if (Object.keys(nextErrors).length > 0) return;

    setSubmitting(true);
    try {
      const overrides = {
        ...parsed.overrides,
        ...(!dataset && globalLstm && relatedSeries > 0 && { globalLstm: true }),
        ...covariateFields(covariates),
      };
      const hasConfig = Object.keys(overrides).length > 0;
      const schedule = await createSchedule({
        ...('datasetId' in target
          ? {
              datasetId: target.datasetId,
              // In the dataset's order, whatever order they were ticked in.
              ...(!allSeries && { seriesIds: target.series.filter((s) => chosen.has(s.id)).map((s) => s.id) }),
            }
          : { seriesId: target.seriesId }),
        ...(mode === 'every' ? { every: toEvery(count, unit) } : { cron: cron.trim() }),
        ...(hasConfig ? { config: overrides } : {}),
      });
      onCreated(schedule);
      setConfig(trainingFormValues(null));
      setGlobalLstm(false);
      setCovariates(NO_COVARIATES);
    } catch (error) {
      // The schedule schema checks the form before it is sent (as the server would): its field
      // messages go under their fields; anything else is said above the button.
      const fieldErrors =
        error instanceof ApiError
          ? formErrorsOf(error, [...Object.keys(config), 'every', 'cron', ...(dataset ? ['seriesIds'] : [])])
          : null;
      setErrors(fieldErrors ?? {});
      setSubmitError(fieldErrors ? null : error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="New schedule" data-testid="schedule-form">
      {dataset && (
        <SeriesChoice
          name={`${id}-series`}
          series={dataset.series}
          all={allSeries}
          onAllChange={setAllSeries}
          chosen={chosen}
          onChosenChange={setChosen}
          error={errors.seriesIds}
        />
      )}
      <fieldset>
        <legend className="legend">Retrain</legend>
        <div className="segmented">
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              value="every"
              checked={mode === 'every'}
              onChange={() => setMode('every')}
            />
            Interval
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              value="cron"
              checked={mode === 'cron'}
              onChange={() => setMode('cron')}
            />
            Cron
          </label>
        </div>
      </fieldset>

      {mode === 'every' ? (
        <div className="row row-top">
          <InputField
            label="Every"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            error={errors.every}
            className="field-narrow"
          />
          <SelectField label="Time unit" value={unit} onChange={(event) => setUnit(event.target.value as EveryUnit)}>
            {EVERY_UNITS.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </SelectField>
        </div>
      ) : (
        <InputField
          label="Cron expression"
          className="field-mono"
          value={cron}
          onChange={(event) => setCron(event.target.value)}
          error={errors.cron}
          hint="minute hour day-of-month month day-of-week, e.g. 0 3 * * * for every day at 03:00 (server time)."
          spellCheck={false}
          autoComplete="off"
        />
      )}

      <details className="disclosure">
        <summary>Training settings (optional)</summary>
        <TrainingInputs
          values={config}
          onChange={setConfig}
          errors={errors}
          placeholders={placeholders}
          disabled={submitting}
        />
        {!dataset && (
          <GlobalLstmChoice
            relatedSeries={relatedSeries}
            checked={globalLstm}
            onChange={setGlobalLstm}
            disabled={submitting}
          />
        )}
        {!dataset && series && (
          <CovariateInputs
            target={series}
            series={datasetSeries}
            values={covariates}
            onChange={setCovariates}
            coverage={checkCoverage(
              series,
              Number(config.horizon || defaults?.horizon),
              covariates.covariates,
              datasetSeries,
            )}
            disabled={submitting}
          />
        )}
        <p className="field-hint hint-below">
          {dataset
            ? 'Blank settings use each series’ defaults when each batch starts.'
            : 'Blank settings use the series’ defaults when each run starts. Each run checks again that the known future covers its forecast.'}
        </p>
      </details>

      {submitError !== null && (
        <Alert tone="error" title="The schedule was not created">
          {errorMessage(submitError)}
        </Alert>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={submitting} data-testid="schedule-submit">
          Create schedule
        </Button>
      </div>
    </form>
  );
}

interface SeriesChoiceProps {
  name: string;
  series: readonly { id: string; name: string }[];
  all: boolean;
  onAllChange: (all: boolean) => void;
  chosen: ReadonlySet<string>;
  onChosenChange: (chosen: ReadonlySet<string>) => void;
  error?: string;
}

/** Which series of the dataset each batch retrains: all of them (at each firing), or a chosen few. */
function SeriesChoice({ name, series, all, onAllChange, chosen, onChosenChange, error }: SeriesChoiceProps) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChosenChange(next);
  };
  return (
    <fieldset>
      <legend className="legend">Series</legend>
      <div className="segmented">
        <label>
          <input type="radio" name={name} value="all" checked={all} onChange={() => onAllChange(true)} />
          All {series.length} series
        </label>
        <label>
          <input type="radio" name={name} value="some" checked={!all} onChange={() => onAllChange(false)} />
          Choose series
        </label>
      </div>
      {all ? (
        <p className="field-hint">Each firing forecasts every series the dataset has then, appended ones too.</p>
      ) : (
        <div className="check-list" role="group" aria-label="Series to retrain" data-testid="schedule-series">
          {series.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={chosen.has(s.id)}
                onChange={(event) => toggle(s.id, event.target.checked)}
              />
              <span>{s.name}</span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
