// The public-holiday calendars a run may name (GET /api/holidays): date-holidays' countries and
// their regions. A run's `holidays` is a country code, or country-region ("DE-BY").
import { z } from 'zod';

export const holidayCountrySchema = z
  .object({
    code: z.string().meta({ description: 'ISO 3166-1 alpha-2, e.g. "US"' }),
    name: z.string(),
    regions: z
      .array(z.object({ code: z.string(), name: z.string() }))
      .meta({ description: 'States or provinces with their own holidays; name one as "DE-BY"' }),
  })
  .meta({ id: 'HolidayCountry' });

export type HolidayCountry = z.infer<typeof holidayCountrySchema>;
