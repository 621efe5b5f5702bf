// Deleting a dataset: the job schedulers of its schedules first (Redis), then the row, which
// takes series, points, runs and schedules with it. Queued jobs of its runs find no run and end.
import type { Scope } from '@/lib/auth/scope';
import { deleteDataset as deleteDatasetRow } from '@/lib/db/datasets';
import { listScheduleIdsOfDatasetAsSystem } from '@/lib/db/schedules';
import { removeScheduler } from '@/lib/queue/schedulers';

export async function deleteDataset(scope: Scope, id: string): Promise<void> {
  for (const scheduleId of await listScheduleIdsOfDatasetAsSystem(id)) await removeScheduler(scheduleId);
  await deleteDatasetRow(scope, id);
}
