// How schedules are written for the API ("every": "15m" | "6h" | "1d") and read back for people.
import type { Schedule } from './types';

export type EveryUnit = 'm' | 'h' | 'd';

export const EVERY_UNITS: readonly { value: EveryUnit; label: string }[] = [
  { value: 'm', label: 'minutes' },
  { value: 'h', label: 'hours' },
  { value: 'd', label: 'days' },
];

export function toEvery(amount: number, unit: EveryUnit): string {
  return `${amount}${unit}`;
}

const UNIT_NAMES: Record<string, [string, string]> = {
  s: ['second', 'seconds'],
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
};

/** "Every 6 hours", "Every day", "Cron 0 3 * * *". */
export function describeSchedule(schedule: Pick<Schedule, 'every' | 'cron'>): string {
  if (schedule.cron) return `Cron ${schedule.cron}`;
  const match = /^(\d+)\s*([smhd])$/.exec(schedule.every ?? '');
  if (!match) return schedule.every ? `Every ${schedule.every}` : 'Unknown interval';
  const amount = Number(match[1]);
  const [one, many] = UNIT_NAMES[match[2]];
  return amount === 1 ? `Every ${one}` : `Every ${amount} ${many}`;
}
