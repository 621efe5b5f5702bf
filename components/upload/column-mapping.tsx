'use client';
// Which column holds the time and which columns become series. Every column but the time column
// can be ticked; the reason a column was skipped is shown beside it.
import { useId, useState } from 'react';
import { SelectField } from '@/components/ui/field';

interface ColumnMappingProps {
  columns: readonly string[];
  timeColumn: string;
  valueColumns: readonly string[];
  skipped: readonly { name: string; reason: string }[];
  /** Long layout: columns that name the series, so they cannot hold values. */
  idColumns?: readonly string[];
  onTimeColumn: (name: string) => void;
  onValueColumns: (names: string[]) => void;
  disabled?: boolean;
}

export function ColumnMapping({
  columns,
  timeColumn,
  valueColumns,
  skipped,
  idColumns = [],
  onTimeColumn,
  onValueColumns,
  disabled,
}: ColumnMappingProps) {
  const groupId = useId();
  // Columns the user unticked need no "skipped because" note: they know why.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const reasons = new Map(skipped.filter((s) => !unticked.has(s.name)).map((s) => [s.name, s.reason]));
  const selected = new Set(valueColumns);
  const candidates = columns.filter((name) => name && name !== timeColumn && !idColumns.includes(name));

  const toggle = (name: string, checked: boolean) => {
    // Keep the file's column order whatever order the boxes are ticked in.
    const next = new Set(selected);
    if (checked) next.add(name);
    else next.delete(name);
    setUnticked((current) => {
      const names = new Set(current);
      if (checked) names.delete(name);
      else names.add(name);
      return names;
    });
    onValueColumns(candidates.filter((c) => next.has(c)));
  };

  return (
    <div className="mapping">
      <SelectField
        label="Time column"
        hint="The column holding the timestamps."
        value={timeColumn}
        onChange={(event) => onTimeColumn(event.target.value)}
        disabled={disabled}
        data-testid="time-column"
      >
        {!timeColumn && <option value="">Choose a column…</option>}
        {columns.filter(Boolean).map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <fieldset aria-describedby={`${groupId}-hint`} disabled={disabled}>
        <legend className="legend">Value columns</legend>
        <div className="checks">
          {candidates.map((name) => (
            <label key={name} className="check">
              <input
                type="checkbox"
                checked={selected.has(name)}
                onChange={(event) => toggle(name, event.target.checked)}
              />
              <span>
                {name}
                {reasons.has(name) && !selected.has(name) && <span className="muted"> — {reasons.get(name)}</span>}
              </span>
            </label>
          ))}
          {candidates.length === 0 && <span className="muted">No other columns.</span>}
        </div>
        <p id={`${groupId}-hint`} className="field-hint hint-below">
          {idColumns.length > 0
            ? 'Each ticked column becomes one series per id combination.'
            : 'Each ticked column becomes one series.'}
        </p>
      </fieldset>
    </div>
  );
}
