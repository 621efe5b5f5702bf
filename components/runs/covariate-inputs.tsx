'use client';
// The covariates and holiday calendar of the train, schedule and batch forms (issue 22): which
// other series of the dataset the models take as inputs, each known-future or past-only, and a
// country (and region) whose public holidays they learn from; with a note when the known future
// does not reach the end of the forecast.
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { InputField, SelectField } from '@/components/ui/field';
import {
  covariateCandidates,
  defaultKnownFuture,
  joinCalendar,
  splitCalendar,
  type CoverageCheck,
  type CovariateValues,
} from '@/lib/client/covariates';
import { formatSeriesTime } from '@/lib/client/format';
import { useHolidayCountries } from '@/lib/client/hooks';
import type { Series } from '@/lib/client/types';

/** The API takes at most this many covariates per run. */
const MAX_COVARIATES = 20;
/** Above this many candidates a filter box appears, and at most SHOWN matches are listed. */
const FILTER_FROM = 12;
const SHOWN = 50;

interface CovariateInputsProps {
  /** The series forecast; null for a batch (every series but the covariates). */
  target: Series | null;
  /** The series of the dataset. */
  series: readonly Series[];
  values: CovariateValues;
  onChange: (values: CovariateValues) => void;
  /** What checkCoverage says for the chosen covariates and horizon. */
  coverage?: CoverageCheck | null;
  disabled?: boolean;
}

export function CovariateInputs({
  target,
  series,
  values,
  onChange,
  coverage,
  disabled = false,
}: CovariateInputsProps) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const candidates = covariateCandidates(target, series);
  const chosen = new Map(values.covariates.map((c) => [c.seriesId, c]));
  const needle = filter.trim().toLowerCase();
  const matching = candidates.filter((s) => chosen.has(s.id) || !needle || s.name.toLowerCase().includes(needle));
  const shown = matching.slice(0, SHOWN);
  const full = values.covariates.length >= MAX_COVARIATES;
  // A batch has no one target: a series is known future by default when it goes on after another ends.
  const reference = target ?? earliestEnding(series);

  const toggle = (candidate: Series, on: boolean) =>
    onChange({
      ...values,
      covariates: on
        ? [...values.covariates, { seriesId: candidate.id, knownFuture: defaultKnownFuture(candidate, reference) }]
        : values.covariates.filter((c) => c.seriesId !== candidate.id),
    });
  const setKnownFuture = (seriesId: string, knownFuture: boolean) =>
    onChange({
      ...values,
      covariates: values.covariates.map((c) => (c.seriesId === seriesId ? { ...c, knownFuture } : c)),
    });

  return (
    <div className="stack stack-sm">
      <fieldset className="stack stack-sm" data-testid="covariates" aria-describedby={`${id}-hint`}>
        <legend className="legend">Covariates</legend>
        <p className="field-hint" id={`${id}-hint`}>
          Other series of this dataset as inputs. <strong>Known future</strong>: their values for the forecast steps are
          in the data (promotions, prices: rows after the last value with this series left empty).{' '}
          <strong>Past only</strong>: read up to each forecast’s start (observed temperature).
        </p>
        {candidates.length === 0 ? (
          <p className="field-hint">
            {target ? 'The dataset has no other series of this frequency.' : 'The dataset has one series.'}
          </p>
        ) : (
          <>
            {candidates.length > FILTER_FROM && (
              <InputField
                label="Find a series"
                type="search"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                disabled={disabled}
                className="field-name"
              />
            )}
            <ul className="covariate-list">
              {shown.map((candidate) => {
                const choice = chosen.get(candidate.id);
                return (
                  <li key={candidate.id} className="row">
                    <label className="check covariate-name">
                      <input
                        type="checkbox"
                        checked={choice !== undefined}
                        disabled={disabled || (full && choice === undefined)}
                        onChange={(event) => toggle(candidate, event.target.checked)}
                        data-testid={`covariate-${candidate.name}`}
                      />
                      <span>{candidate.name}</span>
                    </label>
                    <select
                      className="select select-inline"
                      aria-label={`How “${candidate.name}” is used`}
                      value={choice?.knownFuture === false ? 'past' : 'future'}
                      disabled={disabled || choice === undefined}
                      onChange={(event) => setKnownFuture(candidate.id, event.target.value === 'future')}
                      data-testid={`covariate-use-${candidate.name}`}
                    >
                      <option value="future">Known future</option>
                      <option value="past">Past only</option>
                    </select>
                    <span className="field-hint">
                      to {formatSeriesTime(candidate.end, candidate.frequency, candidate.timeOffset ?? null)}
                    </span>
                  </li>
                );
              })}
            </ul>
            {matching.length > shown.length && (
              <p className="field-hint">{matching.length - shown.length} more: type part of a name to find them.</p>
            )}
            {full && <p className="field-hint">At most {MAX_COVARIATES} covariates per run.</p>}
          </>
        )}
        {coverage && (
          <Alert tone={coverage.covered ? 'info' : 'warning'} data-testid="coverage-note">
            {coverage.message}
          </Alert>
        )}
      </fieldset>
      <HolidayCalendarInputs
        value={values.holidays}
        onChange={(holidays) => onChange({ ...values, holidays })}
        disabled={disabled}
      />
    </div>
  );
}

function earliestEnding(series: readonly Series[]): Series | null {
  return series.reduce<Series | null>(
    (first, s) => (s.end && (!first?.end || Date.parse(s.end) < Date.parse(first.end)) ? s : first),
    null,
  );
}

function HolidayCalendarInputs({
  value,
  onChange,
  disabled,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  disabled: boolean;
}) {
  const { data: countries, error } = useHolidayCountries();
  const { country, region } = splitCalendar(value);
  const regions = countries?.find((c) => c.code === country)?.regions ?? [];
  return (
    <fieldset className="stack stack-sm" data-testid="holiday-calendar">
      <legend className="legend">Holiday calendar</legend>
      <div className="row row-top">
        <SelectField
          label="Country"
          value={country}
          onChange={(event) => onChange(joinCalendar(event.target.value, ''))}
          disabled={disabled || !countries}
          hint={
            error
              ? 'Could not load the countries.'
              : 'Public holidays as inputs: a flag, days to the next and since the last.'
          }
          data-testid="holiday-country"
        >
          <option value="">None</option>
          {/* The chosen code stays selectable while the list loads. */}
          {!countries && country && <option value={country}>{country}</option>}
          {countries?.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        {regions.length > 0 && (
          <SelectField
            label="Region"
            value={region}
            onChange={(event) => onChange(joinCalendar(country, event.target.value))}
            disabled={disabled}
            data-testid="holiday-region"
          >
            <option value="">Whole country</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
    </fieldset>
  );
}
