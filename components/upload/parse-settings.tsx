'use client';
// How the file is read, beyond its columns: layout and id columns, decimal separator, and what to
// do with gaps and repeated timestamps. "Detect" leaves a setting to the server; every change
// re-previews, so the user sees its effect on the detected series before importing.
import { useMemo } from 'react';
import { SelectField } from '@/components/ui/field';
import type { ParseChoice } from '@/lib/client/api';
import type {
  DecimalSeparator,
  DuplicatePolicy,
  FilePreview,
  GapPolicy,
  Layout,
  TextEncoding,
} from '@/lib/client/types';

type Settings = Pick<
  ParseChoice,
  'layout' | 'idColumns' | 'decimal' | 'gapPolicy' | 'duplicatePolicy' | 'encoding' | 'timeZone'
>;

interface ParseSettingsProps {
  preview: FilePreview;
  settings: Settings;
  /** The time column in use, which cannot also be an id column. */
  timeColumn: string;
  onChange: (settings: Settings) => void;
  disabled?: boolean;
}

const LAYOUT_HINTS: Record<Layout, string> = {
  wide: 'One column per series.',
  long: 'One value column; id columns say which series each row belongs to.',
};

export const GAP_HINTS: Record<GapPolicy, string> = {
  leave: 'Missing timestamps stay missing (they are counted and reported).',
  linear: 'Missing timestamps get a value on the straight line between their neighbours.',
  ffill: 'Missing timestamps repeat the last value before them.',
  zero: 'Missing timestamps get 0 (e.g. no sales that day).',
};

export const DUPLICATE_HINTS: Record<DuplicatePolicy, string> = {
  error: 'A repeated timestamp in a series stops the import, so you can fix the file.',
  mean: 'Values sharing a timestamp are averaged.',
  sum: 'Values sharing a timestamp are added up.',
  last: 'The last value for a timestamp wins.',
};

const DECIMAL_LABELS: Record<DecimalSeparator, string> = { '.': 'Point (1234.5)', ',': 'Comma (1234,5)' };

const ENCODING_LABELS: Record<TextEncoding, string> = {
  utf8: 'UTF-8',
  'windows-1252': 'Windows-1252 (Excel on Windows)',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
};

/** The zones the browser knows, its own first (the likeliest one for a file made on this machine). */
function timeZoneChoices(): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = Intl.supportedValuesOf('timeZone').filter((zone) => zone !== own && zone !== 'UTC');
  return own && own !== 'UTC' ? [own, ...all] : all;
}

/** A select value: '' stands for "detect" / the default. */
function optional<T extends string>(value: string): T | undefined {
  return value === '' ? undefined : (value as T);
}

export function ParseSettings({ preview, settings, timeColumn, onChange, disabled }: ParseSettingsProps) {
  const layout = settings.layout ?? preview.layout;
  const idColumns = settings.idColumns ?? preview.idColumns;
  const candidates = preview.columns.filter((name) => name && name !== timeColumn);
  const gapPolicy = settings.gapPolicy ?? 'leave';
  const duplicatePolicy = settings.duplicatePolicy ?? 'error';
  const zones = useMemo(timeZoneChoices, []);
  const zoneHint = preview.timeOffset
    ? `The file writes offsets (${preview.timeOffset}); they win over a zone chosen here.`
    : settings.timeZone
      ? 'Times without an offset are read in this zone, daylight-saving changes included.'
      : 'Times without an offset are read as UTC.';

  const toggleId = (name: string, checked: boolean) => {
    const next = new Set(idColumns);
    if (checked) next.add(name);
    else next.delete(name);
    // An explicit id column implies the long layout; none ticked goes back to detection.
    const chosen = candidates.filter((c) => next.has(c));
    onChange({ ...settings, layout: chosen.length ? 'long' : settings.layout, idColumns: chosen });
  };

  return (
    <div className="stack stack-sm" data-testid="parse-settings">
      <div className="settings-grid">
        <SelectField
          label="Layout"
          hint={`${settings.layout ? '' : 'Detected. '}${LAYOUT_HINTS[layout]}`}
          value={settings.layout ?? ''}
          onChange={(event) => {
            const next = optional<Layout>(event.target.value);
            // Id columns only belong to the long layout.
            onChange({ ...settings, layout: next, idColumns: next === 'wide' ? undefined : settings.idColumns });
          }}
          disabled={disabled}
          data-testid="layout-select"
        >
          <option value="">Detect ({preview.layout})</option>
          <option value="wide">Wide</option>
          <option value="long">Long</option>
        </SelectField>
        <SelectField
          label="Decimal separator"
          hint={settings.decimal ? 'As chosen.' : `Detected: ${DECIMAL_LABELS[preview.decimal].toLowerCase()}.`}
          value={settings.decimal ?? ''}
          onChange={(event) => onChange({ ...settings, decimal: optional<DecimalSeparator>(event.target.value) })}
          disabled={disabled}
          data-testid="decimal-select"
        >
          <option value="">Detect</option>
          <option value=".">{DECIMAL_LABELS['.']}</option>
          <option value=",">{DECIMAL_LABELS[',']}</option>
        </SelectField>
        <SelectField
          label="Encoding"
          hint={
            settings.encoding
              ? 'As chosen.'
              : preview.encoding
                ? `Detected: ${ENCODING_LABELS[preview.encoding]}.`
                : 'Detected.'
          }
          value={settings.encoding ?? ''}
          onChange={(event) => onChange({ ...settings, encoding: optional<TextEncoding>(event.target.value) })}
          disabled={disabled}
          data-testid="encoding-select"
        >
          <option value="">Detect</option>
          {(Object.keys(ENCODING_LABELS) as TextEncoding[]).map((encoding) => (
            <option key={encoding} value={encoding}>
              {ENCODING_LABELS[encoding]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Time zone"
          hint={zoneHint}
          value={settings.timeZone ?? ''}
          onChange={(event) => onChange({ ...settings, timeZone: optional<string>(event.target.value) })}
          disabled={disabled}
          data-testid="time-zone-select"
        >
          <option value="">UTC</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Gaps"
          hint={GAP_HINTS[gapPolicy]}
          value={gapPolicy}
          onChange={(event) => onChange({ ...settings, gapPolicy: optional<GapPolicy>(event.target.value) })}
          disabled={disabled}
          data-testid="gap-policy"
        >
          <option value="leave">Leave missing</option>
          <option value="linear">Fill linearly</option>
          <option value="ffill">Repeat last value</option>
          <option value="zero">Fill with 0</option>
        </SelectField>
        <SelectField
          label="Repeated timestamps"
          hint={DUPLICATE_HINTS[duplicatePolicy]}
          value={duplicatePolicy}
          onChange={(event) =>
            onChange({ ...settings, duplicatePolicy: optional<DuplicatePolicy>(event.target.value) })
          }
          disabled={disabled}
          data-testid="duplicate-policy"
        >
          <option value="error">Stop with an error</option>
          <option value="mean">Average them</option>
          <option value="sum">Add them up</option>
          <option value="last">Keep the last</option>
        </SelectField>
      </div>
      {layout === 'long' && (
        <fieldset disabled={disabled} data-testid="id-columns">
          <legend className="legend">Id columns</legend>
          <div className="checks">
            {candidates.map((name) => (
              <label key={name} className="check">
                <input
                  type="checkbox"
                  checked={idColumns.includes(name)}
                  onChange={(event) => toggleId(name, event.target.checked)}
                />
                <span>{name}</span>
              </label>
            ))}
          </div>
          <p className="field-hint hint-below">Each combination of their values becomes one series.</p>
        </fieldset>
      )}
    </div>
  );
}
