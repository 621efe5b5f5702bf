// When a schedule fires (in lib/queue: the job schedulers read it; lib/schedules and the API schema
// import it from here): a fixed interval ("15m", "6h", "1d", "90s") or a cron expression
// (evaluated in UTC, like every timestamp in Horizon). Neither may fire more often than
// HORIZON_MIN_SCHEDULE_MINUTES (default 5): one user's "every 1s" would otherwise keep the
// workers busy for everyone.
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const INTERVAL = /^(\d+)([smhd])$/;
const MAX_INTERVAL_MS = 366 * UNIT_MS.d;

export const CRON_TIMEZONE = 'UTC';

/** Firings of a cron expression looked at for its shortest gap. */
const CRON_FIRINGS_CHECKED = 50;

/** The shortest time between two firings, in ms: HORIZON_MIN_SCHEDULE_MINUTES, default 5 minutes. */
export function minScheduleMs(): number {
  // The browser's schedule form checks with the same schema; it has no server environment (default).
  const setting = typeof process === 'undefined' ? undefined : process.env.HORIZON_MIN_SCHEDULE_MINUTES;
  const minutes = Number(setting);
  return (setting !== undefined && Number.isFinite(minutes) && minutes >= 0 ? minutes : 5) * UNIT_MS.m;
}

function describeMinimum(ms: number): string {
  const minutes = ms / UNIT_MS.m;
  return minutes >= 1 && Number.isInteger(minutes)
    ? `${minutes} minute${minutes === 1 ? '' : 's'}`
    : `${ms / 1000} seconds`;
}

/** The shortest gap between the next firings of a valid cron expression, in ms. */
export function shortestCronGapMs(expression: string, from = new Date()): number {
  const firings = CronExpressionParser.parse(expression, { tz: CRON_TIMEZONE, currentDate: from }).take(
    CRON_FIRINGS_CHECKED,
  );
  let shortest = Infinity;
  for (let i = 1; i < firings.length; i++)
    shortest = Math.min(shortest, firings[i].getTime() - firings[i - 1].getTime());
  return shortest;
}

/** "15m" → 900000; null when the text is not a positive interval of at most a year. */
export function parseInterval(text: string): number | null {
  const match = INTERVAL.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms > 0 && ms <= MAX_INTERVAL_MS ? ms : null;
}

/** Null when valid, else the parser's reason. */
export function cronProblem(expression: string): string | null {
  try {
    CronExpressionParser.parse(expression, { tz: CRON_TIMEZONE });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const intervalSchema = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    const ms = parseInterval(text);
    if (ms === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a number and a unit s, m, h or d (e.g. "15m", "6h", "1d"), at most a year',
      });
    } else if (ms < minScheduleMs()) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at least ${describeMinimum(minScheduleMs())} (the server's HORIZON_MIN_SCHEDULE_MINUTES)`,
      });
    }
  });

export const cronSchema = z
  .string()
  .trim()
  .min(1)
  .superRefine((expression, ctx) => {
    const problem = cronProblem(expression);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `is not a valid cron expression (${problem}), e.g. "0 3 * * *"` });
    } else if (shortestCronGapMs(expression) < minScheduleMs()) {
      ctx.addIssue({
        code: 'custom',
        message: `fires more often than every ${describeMinimum(minScheduleMs())}, the server's minimum (HORIZON_MIN_SCHEDULE_MINUTES), e.g. "*/15 * * * *"`,
      });
    }
  });

/** A schedule fires on exactly one of `every` and `cron`; for `.refine()` in request schemas. */
export function hasExactlyOneTiming(timing: { every?: string; cron?: string }): boolean {
  return (timing.every === undefined) !== (timing.cron === undefined);
}

export const exactlyOneTimingIssue = {
  message: 'Give exactly one of "every" (e.g. "6h") and "cron" (e.g. "0 3 * * *").',
  path: ['every'],
};
