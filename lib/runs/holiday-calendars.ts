// The public-holiday calendars a run may name (ForecastConfig.holidays): the countries and regions
// of date-holidays, the library the engine reads the holidays from, so a code accepted here is
// one the engine knows.
import Holidays from 'date-holidays';
import { badRequest } from '@/lib/api/errors';
import type { HolidayCountry } from '@/lib/api/schemas/holidays';

let calendars: HolidayCountry[] | null = null;

/** Every country with its regions (states, provinces), by name; built once (the data is static). */
export function holidayCalendars(): HolidayCountry[] {
  if (calendars) return calendars;
  const holidays = new Holidays();
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');
  calendars = Object.entries(holidays.getCountries('en'))
    .map(([code, name]) => ({
      code,
      name,
      regions: Object.entries(holidays.getStates(code, 'en') ?? {})
        .map(([region, regionName]) => ({ code: region, name: regionName }))
        .sort(byName),
    }))
    .sort(byName);
  return calendars;
}

/** Throws 400 unless `code` ('US', 'DE-BY') names a date-holidays country, and region if given. */
export function assertKnownHolidayCalendar(code: string | null, field = 'holidays'): void {
  if (code === null) return;
  const [country, region] = code.split('-');
  const known = holidayCalendars().find((c) => c.code === country);
  if (!known) {
    throw badRequest(
      `${field}: "${country}" is not a country the holiday calendar knows. Use an ISO 3166 code such as "US" or "DE" ` +
        '(GET /api/holidays lists them).',
      { issues: [{ path: field, message: `unknown country "${country}"` }] },
    );
  }
  if (region !== undefined && !known.regions.some((r) => r.code === region)) {
    const regions = known.regions.map((r) => r.code);
    throw badRequest(
      `${field}: "${region}" is not a region of ${known.name} in the holiday calendar` +
        (regions.length > 0 ? ` (its regions: ${regions.join(', ')}).` : '; it has no regions: use "' + country + '".'),
      { issues: [{ path: field, message: `unknown region "${region}" of ${country}` }] },
    );
  }
}
