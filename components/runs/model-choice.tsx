'use client';
// Which models a run compares: a checkbox per model, grouped by family, all ticked by default.
// Seasonal naive stays ticked: MASE and the skill scores are measured against it. The global LSTM
// has its own choice (GlobalLstmChoice), since it needs other series of the dataset.
import { useId } from 'react';
import { MODEL_DESCRIPTIONS, MODEL_LABELS, PICKABLE_MODELS, REFERENCE_MODEL } from '@/lib/client/models';
import type { ComparedModel } from '@/lib/client/types';

interface ModelChoiceProps {
  picked: readonly ComparedModel[];
  onChange: (picked: ComparedModel[]) => void;
  disabled?: boolean;
}

export function ModelChoice({ picked, onChange, disabled = false }: ModelChoiceProps) {
  const hintId = useId();
  const toggle = (model: ComparedModel, on: boolean) =>
    onChange(on ? [...picked, model] : picked.filter((m) => m !== model));
  return (
    <fieldset className="model-choice" aria-describedby={hintId} data-testid="model-choice">
      <legend className="legend">Models to compare</legend>
      <div className="model-choice-groups">
        {PICKABLE_MODELS.map((group) => (
          <div key={group.family} className="model-choice-group">
            <span className="field-label">{group.title}</span>
            {group.models.map((model) => {
              const reference = model === REFERENCE_MODEL;
              return (
                <label key={model} className="check" title={MODEL_DESCRIPTIONS[model]}>
                  <input
                    type="checkbox"
                    name="models"
                    value={model}
                    checked={reference || picked.includes(model)}
                    disabled={disabled || reference}
                    onChange={(event) => toggle(model, event.target.checked)}
                    data-testid={`model-option-${model}`}
                  />
                  <span>
                    {MODEL_LABELS[model]}
                    {reference && ' (always)'}
                  </span>
                </label>
              );
            })}
          </div>
        ))}
      </div>
      <p className="field-hint hint-below" id={hintId}>
        Seasonal naive is always compared: MASE and the skill scores are measured against it. Fewer models train faster;
        the LSTMs take most of a run&apos;s time.
      </p>
    </fieldset>
  );
}
