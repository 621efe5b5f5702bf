import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { holidayCalendars } from '@/lib/runs/holiday-calendars';

export const runtime = 'nodejs';

// Static data (date-holidays' calendars): the forms read it once to offer countries and regions.
export const GET = apiRoute({}, async () => json({ countries: holidayCalendars() }));
