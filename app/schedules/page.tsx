import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/page-user';
import { SchedulesPage } from './schedules-page';

export const metadata: Metadata = { title: 'Schedules' };

export default async function Page() {
  await requirePageUser('/schedules');
  return <SchedulesPage />;
}
