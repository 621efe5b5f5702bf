// Calendar features for the LSTM: where each step falls in the day, the week and the year, as
// sin/cos pairs so that 23:00 sits next to 00:00 and December next to January. Which ones a
// series gets follows its frequency (an hour of day means nothing to monthly data). Timestamps
// are read in UTC: the engine has no time zone for a series.
import { FREQUENCY_SPECS, type TimeUnit } from './time/frequency';
import type { Frequency } from './types';
import type { Covariates } from './windows';

export const CALENDAR_FEATURES = ['hourOfDay', 'dayOfWeek', 'monthOfYear'] as const;
export type CalendarFeature = (typeof CALENDAR_FEATURES)[number];

const FEATURES_BY_UNIT: Record<TimeUnit, readonly CalendarFeature[]> = {
  minute: ['hourOfDay', 'dayOfWeek'],
  hour: ['hourOfDay', 'dayOfWeek'],
  day: ['dayOfWeek', 'monthOfYear'],
  'business-day': ['dayOfWeek', 'monthOfYear'],
  week: ['monthOfYear'],
  month: ['monthOfYear'],
  none: [],
};

export function calendarFeaturesFor(frequency: Frequency): CalendarFeature[] {
  const { unit, multiple } = FREQUENCY_SPECS[frequency];
  // Yearly data has no position in the year to learn from.
  if (unit === 'month' && multiple >= 12) return [];
  return [...FEATURES_BY_UNIT[unit]];
}

const DAY_MS = 86_400_000;

/** Position of `t` in the feature's cycle, 0..1. */
export function cyclePosition(feature: CalendarFeature, t: number): number {
  const date = new Date(t);
  const dayFraction = (t - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())) / DAY_MS;
  switch (feature) {
    case 'hourOfDay':
      return dayFraction;
    case 'dayOfWeek':
      return (date.getUTCDay() + dayFraction) / 7;
    case 'monthOfYear': {
      const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
      return (date.getUTCMonth() + (date.getUTCDate() - 1 + dayFraction) / daysInMonth) / 12;
    }
  }
}

/** Two covariates (sin, cos) per feature for each timestamp: t.length x 2·features, row-major. */
export function calendarCovariates(t: ArrayLike<number>, features: readonly CalendarFeature[]): Covariates {
  const count = 2 * features.length;
  const values = new Float32Array(t.length * count);
  for (let i = 0; i < t.length; i++) {
    features.forEach((feature, f) => {
      const angle = 2 * Math.PI * cyclePosition(feature, t[i]);
      values[i * count + 2 * f] = Math.sin(angle);
      values[i * count + 2 * f + 1] = Math.cos(angle);
    });
  }
  return { count, values };
}
