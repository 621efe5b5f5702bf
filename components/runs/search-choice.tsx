'use client';
// The "search the LSTM settings" switch of the train form, with its time budget. On (the default),
// the LSTM fields left blank are chosen by the run's hyperparameter search; a value typed in one is
// held. Off, the fields train as they are.
import { useId } from 'react';
import { InputField } from '@/components/ui/field';
import { forecastConfigSchema } from '@/lib/forecast/config';

const budget = forecastConfigSchema.shape.searchBudgetSeconds;

interface SearchChoiceProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Typed budget in seconds; blank: the default for the series. */
  budgetSeconds: string;
  onBudgetChange: (value: string) => void;
  /** The series' default budget, shown in the blank field. */
  defaultBudgetSeconds?: number;
  budgetError?: string;
  disabled?: boolean;
}

export function SearchChoice({
  checked,
  onChange,
  budgetSeconds,
  onBudgetChange,
  defaultBudgetSeconds,
  budgetError,
  disabled = false,
}: SearchChoiceProps) {
  const hintId = useId();
  return (
    <div className="stack stack-sm">
      <div>
        <label className="check">
          <input
            type="checkbox"
            name="search"
            checked={checked}
            disabled={disabled}
            onChange={(event) => onChange(event.target.checked)}
            aria-describedby={hintId}
            data-testid="search-option"
          />
          <span>Search the LSTM settings</span>
        </label>
        <p className="field-hint hint-below" id={hintId}>
          {checked
            ? 'Lookback, units, layers, dropout, learning rate and transform are tried on the oldest backtest window’s training data before the backtest (successive halving); a value typed above is kept as it is.'
            : 'The LSTMs train with the settings above as they are.'}
        </p>
      </div>
      {checked && (
        <InputField
          name="searchBudgetSeconds"
          label="Search budget (seconds)"
          type="number"
          inputMode="numeric"
          min={budget.minValue ?? 1}
          max={budget.maxValue ?? 600}
          step={1}
          placeholder={defaultBudgetSeconds ? String(defaultBudgetSeconds) : 'default'}
          value={budgetSeconds}
          error={budgetError}
          disabled={disabled}
          onChange={(event) => onBudgetChange(event.target.value)}
        />
      )}
    </div>
  );
}
