'use client';
// The grid of training settings, shared by the train form and the schedule form.
import { InputField } from '@/components/ui/field';
import { TRAINING_FIELDS, type TrainingField, type TrainingFormValues } from '@/lib/client/training-fields';

interface TrainingInputsProps {
  values: TrainingFormValues;
  onChange: (values: TrainingFormValues) => void;
  errors?: Partial<Record<TrainingField, string>>;
  /** Shown in blank fields, e.g. the server default. */
  placeholders?: Partial<Record<TrainingField, string>>;
  disabled?: boolean;
}

export function TrainingInputs({ values, onChange, errors = {}, placeholders = {}, disabled }: TrainingInputsProps) {
  return (
    <div className="form-grid">
      {TRAINING_FIELDS.map((field) => (
        <InputField
          key={field.key}
          name={field.key}
          label={field.label}
          type="number"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          min={field.min}
          max={field.max}
          step={field.step}
          placeholder={placeholders[field.key] ?? 'default'}
          value={values[field.key]}
          error={errors[field.key]}
          disabled={disabled}
          onChange={(event) => onChange({ ...values, [field.key]: event.target.value })}
        />
      ))}
    </div>
  );
}

/** What each setting means, folded away so the form stays short. */
export function TrainingHelp() {
  return (
    <details className="disclosure">
      <summary>What the settings mean</summary>
      <dl className="help-list">
        {TRAINING_FIELDS.map((field) => (
          <div key={field.key}>
            <dt>{field.label}</dt>
            <dd>{field.hint}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
