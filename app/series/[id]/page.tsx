import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/page-user';
import { canViewSeries } from '@/lib/permissions/series';
import { SeriesPage } from './series-page';

export const metadata: Metadata = { title: 'Series' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/series/${encodeURIComponent(id)}`);
  // Someone else's looks exactly like one that does not exist.
  if (!(await canViewSeries(user, id))) notFound();
  return <SeriesPage id={id} />;
}
