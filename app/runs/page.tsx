import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/page-user';
import { RunsPage } from './runs-page';

export const metadata: Metadata = { title: 'Runs' };

export default async function Page() {
  await requirePageUser('/runs');
  return <RunsPage />;
}
