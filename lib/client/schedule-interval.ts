// How schedules are written for the API ("every": "15m" | "6h" | "1d") and read back for people:
// cron expressions in words (cronstrue), and when a new schedule will first fire.
import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';
import { formatLocalTime, formatRelative } from './format';
import type { Schedule } from './types';

/** Cron expressions are evaluated in UTC on the server (lib/queue/timing.ts). */
const CRON_ZONE = 'UTC';

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

/** A cron expression in words, in UTC ("At 03:00 UTC"); null when it cannot be read. */
export function cronInWords(expression: string): string | null {
  try {
    return `${cronstrue.toString(expression.trim(), { use24HourTimeFormat: true, throwExceptionOnParseError: true })} ${CRON_ZONE}`;
  } catch {
    return null;
  }
}

/** "Every 6 hours", "Every day", "At 03:00 UTC (cron 0 3 * * *)". */
export function describeSchedule(schedule: Pick<Schedule, 'every' | 'cron'>): string {
  if (schedule.cron) {
    const words = cronInWords(schedule.cron);
    return words ? `${words} (cron ${schedule.cron})` : `Cron ${schedule.cron}`;
  }
  const match = /^(\d+)\s*([smhd])$/.exec(schedule.every ?? '');
  if (!match) return schedule.every ? `Every ${schedule.every}` : 'Unknown interval';
  const amount = Number(match[1]);
  const [one, many] = UNIT_NAMES[match[2]];
  return amount === 1 ? `Every ${one}` : `Every ${amount} ${many}`;
}

/**
 * When a schedule being created will first fire, in the user's time zone: an interval schedule at
 * once (then every interval), a cron one at its next firing in UTC. Null for a timing that is not
 * valid yet (the form says what is wrong on submit).
 */
export function firstRunText(timing: { every?: string; cron?: string }, now = new Date()): string | null {
  if (timing.every !== undefined) {
    const every = describeSchedule({ every: timing.every, cron: null });
    return /^Every /.test(every) && every !== `Every ${timing.every}`
      ? `First run as soon as it is created, then ${every.toLowerCase()}.`
      : null;
  }
  if (!timing.cron || timing.cron.trim().split(/\s+/).length < 5) return null;
  try {
    const next = CronExpressionParser.parse(timing.cron.trim(), { tz: CRON_ZONE, currentDate: now }).next().toDate();
    const iso = next.toISOString();
    return `First run ${formatRelative(iso, now.getTime())}: ${formatLocalTime(iso)} your time (${iso.slice(11, 16)} UTC).`;
  } catch {
    return null;
  }
}
