import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/page-user';
import { canViewDataset } from '@/lib/permissions/datasets';
import { DatasetPage } from './dataset-page';

export const metadata: Metadata = { title: 'Dataset' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/datasets/${encodeURIComponent(id)}`);
  // Someone else's looks exactly like one that does not exist.
  if (!(await canViewDataset(user, id))) notFound();
  return <DatasetPage id={id} />;
}
