'use client';
// The "also train a global LSTM" checkbox of the train and schedule forms. It is a choice only
// when the dataset has other series of the same frequency to learn from; otherwise it is
// disabled and says why.
import { useId } from 'react';

interface GlobalLstmChoiceProps {
  /** Other series of the dataset with this series' frequency: what a global LSTM would pool. */
  relatedSeries: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

export function GlobalLstmChoice({ relatedSeries, checked, onChange, disabled = false }: GlobalLstmChoiceProps) {
  const hintId = useId();
  const available = relatedSeries > 0;
  return (
    <div>
      <label className="check">
        <input
          type="checkbox"
          name="globalLstm"
          checked={checked && available}
          disabled={disabled || !available}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={hintId}
          data-testid="global-lstm-option"
        />
        <span>Also train a global LSTM across this dataset&apos;s series</span>
      </label>
      <p className="field-hint hint-below" id={hintId}>
        {available
          ? `One LSTM learns from this series and ${relatedSeries} other${relatedSeries === 1 ? '' : 's'} of the dataset, each scaled by its own history, and is ranked beside the per-series LSTM. The run takes longer: one more LSTM, on the pooled windows.`
          : 'Not available: the dataset has no other series of this frequency to learn from.'}
      </p>
    </div>
  );
}
