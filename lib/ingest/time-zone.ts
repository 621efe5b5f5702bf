// Reading offset-less times in a named IANA zone. The zone rules come from @date-fns/tz (tzOffset,
// backed by the runtime's Intl data), never from hand-written offsets; what is decided here is only
// which instant a wall-clock time stands for when the zone's clock skips or repeats it:
// - spring forward (02:30 does not exist in Europe/Berlin on the last Sunday of March): read with
//   the offset before the change, so 02:30 is 03:30 summer time (as Temporal's 'compatible');
// - autumn (02:00-02:59 happens twice): the first time a series reaches the hour it is the earlier
//   (summer) instant; once the series has been at or past that instant, a repeat of the hour is the
//   later (winter) one. This is decided per series, in the order of its rows, so a long file whose
//   series interleave row by row reads each series on its own.
import { tzOffset } from '@date-fns/tz';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Zone changes happen on quarter-hour boundaries, so a wall-clock quarter hour resolves one way. */
const QUARTER_MS = 900_000;

/** Whether `name` is an IANA time zone the runtime knows ('Europe/Berlin', 'UTC'). */
export function isKnownTimeZone(name: string): boolean {
  if (name.trim() === '' || name !== name.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The instants a wall-clock quarter hour can stand for: one, two (repeated hour) or none (skipped). */
interface Resolution {
  /** Offset in minutes of the earlier instant (the only one when the time is unambiguous). */
  early: number;
  /** Offset of the later instant when the wall-clock time happens twice; null otherwise. */
  late: number | null;
}

function resolve(zone: string, wall: number): Resolution {
  const before = tzOffset(zone, new Date(wall - DAY_MS));
  const after = tzOffset(zone, new Date(wall + DAY_MS));
  const valid = [...new Set([before, after])].filter(
    (offset) => tzOffset(zone, new Date(wall - offset * MINUTE_MS)) === offset,
  );
  // Larger offset = earlier instant.
  valid.sort((a, b) => b - a);
  if (valid.length === 0) return { early: before, late: null };
  return { early: valid[0], late: valid.length > 1 ? valid[1] : null };
}

/**
 * Turns wall-clock times (epoch ms of the same calendar time read as UTC) into instants in `zone`,
 * in place. `groups` gives each row's series (null: one series; negative: no series), so the
 * repeated autumn hour is decided per series in row order.
 */
export function wallClockToInstants(t: Float64Array, zone: string, groups: Int32Array | null): void {
  // Most days have one offset from a day before to two days after: their times need no more
  // look-ups (Intl is the dear part, a few microseconds a call). Only days near a change are
  // resolved per quarter hour.
  const dayOffsets = new Map<number, number | null>();
  const quarters = new Map<number, Resolution>();
  const previous: number[] = [];
  let lastDay = NaN;
  let lastDayOffset: number | null = null;
  for (let row = 0; row < t.length; row++) {
    const wall = t[row];
    if (Number.isNaN(wall)) continue;
    const day = Math.floor(wall / DAY_MS);
    if (day !== lastDay) {
      let offset = dayOffsets.get(day);
      if (offset === undefined) {
        const before = tzOffset(zone, new Date((day - 1) * DAY_MS));
        offset = before === tzOffset(zone, new Date((day + 2) * DAY_MS)) ? before : null;
        dayOffsets.set(day, offset);
      }
      lastDay = day;
      lastDayOffset = offset;
    }
    // Groups are 0.., -1 for rows of no series: shifted by one to index `previous`.
    const slot = groups ? groups[row] + 1 : 0;
    let instant: number;
    if (lastDayOffset !== null) {
      instant = wall - lastDayOffset * MINUTE_MS;
    } else {
      const key = Math.floor(wall / QUARTER_MS);
      let resolution = quarters.get(key);
      if (resolution === undefined) {
        resolution = resolve(zone, wall);
        quarters.set(key, resolution);
      }
      instant = wall - resolution.early * MINUTE_MS;
      if (resolution.late !== null) {
        const seen = previous[slot];
        if (seen !== undefined && seen >= instant) instant = wall - resolution.late * MINUTE_MS;
      }
    }
    previous[slot] = instant;
    t[row] = instant;
  }
}
