// Deleting a schedule: its job scheduler first, then the row (its runs stay, unlinked). A job the
// scheduler had already queued finds no schedule and does nothing.
import { deleteScheduleRecordAsSystem } from '@/lib/db/schedules';
import { removeScheduler } from '@/lib/queue/schedulers';

export async function deleteSchedule(id: string): Promise<void> {
  await removeScheduler(id);
  await deleteScheduleRecordAsSystem(id);
}
