'use client';
// Dates like 03/04/2024 read either way when no day in the file is above 12. Rather than guess,
// the upload asks, with one of the file's own dates spelled out both ways.
import { useId } from 'react';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const DAY_MONTH_YEAR = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})\b/;

interface Readings {
  text: string;
  /** "3 April 2024" for "03/04/2024". */
  dayFirst: string;
  /** "March 4, 2024" for "03/04/2024". */
  monthFirst: string;
  /** Both numbers equal (01/01/2024): the readings are the same date. */
  same: boolean;
}

/** The two readings of an a/b/year date; null when the text is not one, or a part is above 12. */
export function readingsOf(text: string): Readings | null {
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return null;
  const [first, second, year] = [Number(match[1]), Number(match[3]), match[4]];
  if (first < 1 || first > 12 || second < 1 || second > 12) return null;
  return {
    text: text.trim(),
    dayFirst: `${first} ${MONTHS[second - 1]} ${year}`,
    monthFirst: `${MONTHS[first - 1]} ${second}, ${year}`,
    same: first === second,
  };
}

/** The first date whose readings differ, to ask about (01/01/2024 tells nothing). */
function tellingExample(dates: readonly string[]): Readings | null {
  const readable = dates.map(readingsOf).filter((r): r is Readings => r !== null);
  return readable.find((r) => !r.same) ?? readable[0] ?? null;
}

interface DateOrderChoiceProps {
  /** Dates of the file's time column as written (the preview's first rows). */
  dates: readonly string[];
  /** undefined: not chosen yet (the server read month-first and warned). */
  dayFirst: boolean | undefined;
  onChange: (dayFirst: boolean) => void;
  disabled?: boolean;
}

export function DateOrderChoice({ dates, dayFirst, onChange, disabled }: DateOrderChoiceProps) {
  const name = useId();
  const example = tellingExample(dates);
  if (!example) return null;
  const options = [
    { value: true, label: example.dayFirst, format: 'day first, DD/MM/YYYY' },
    { value: false, label: example.monthFirst, format: 'month first, MM/DD/YYYY' },
  ];
  return (
    <fieldset className="stack stack-sm" data-testid="date-order-choice" disabled={disabled}>
      <legend>
        Is <strong>{example.text}</strong> {example.dayFirst} or {example.monthFirst}?
      </legend>
      {dayFirst === undefined && (
        <p className="field-hint">
          No day in the file is above 12, so the dates read either way. Choose how to read them.
        </p>
      )}
      <div className="checks">
        {options.map((option) => (
          <label key={String(option.value)} className="check">
            <input
              type="radio"
              name={name}
              checked={dayFirst === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>
              {option.label} <span className="muted">({option.format})</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
