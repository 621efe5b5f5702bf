import type { Frequency } from './types';

// Steps in one seasonal cycle: the lag the seasonal-naive baseline repeats and MASE scales by.
const SEASON_LENGTH: Record<Frequency, number> = {
  minutely: 60, // an hour
  hourly: 24, // a day
  daily: 7, // a week
  weekly: 52, // a year
  monthly: 12,
  quarterly: 4,
  yearly: 1, // no sub-yearly cycle to repeat
  irregular: 1, // no fixed step, so no cycle
};

export function seasonLength(frequency: Frequency): number {
  return SEASON_LENGTH[frequency];
}
