interface ProgressBarProps {
  /** 0..1 */
  value: number;
  /** Accessible name, e.g. "Training progress". */
  label: string;
  /** Spoken instead of the bare percentage, e.g. "Epoch 3 of 10". */
  valueText?: string;
  tone?: 'accent' | 'success' | 'danger' | 'muted';
  size?: 'md' | 'lg';
  'data-testid'?: string;
}

export function ProgressBar({ value, label, valueText, tone = 'accent', size = 'md', ...rest }: ProgressBarProps) {
  const percent = Math.round(Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0)) * 100);
  const className = ['progress', size === 'lg' && 'progress-lg', tone !== 'accent' && `progress-${tone}`]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={className}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText ? `${percent}%, ${valueText}` : `${percent}%`}
      {...rest}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
