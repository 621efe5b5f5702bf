import { mustExist } from '@/lib/api/errors';
import { json, noContent } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { patchScheduleBody } from '@/lib/api/schemas/schedules';
import { deleteSchedule } from '@/lib/schedules/delete-schedule';
import { getSchedule } from '@/lib/schedules/get-schedule';
import { setSchedulePaused } from '@/lib/schedules/set-schedule-paused';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const schedule = mustExist('schedule', params.id, await getSchedule(scope, params.id));
  return json({ schedule });
});

export const PATCH = apiRoute({ params: idParams, body: patchScheduleBody }, async ({ scope, params, body }) => {
  const schedule = mustExist('schedule', params.id, await getSchedule(scope, params.id));
  return json({ schedule: await setSchedulePaused(schedule, body.paused) });
});

export const DELETE = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const schedule = mustExist('schedule', params.id, await getSchedule(scope, params.id));
  await deleteSchedule(schedule.id);
  return noContent();
});
