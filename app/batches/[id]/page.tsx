import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/page-user';
import { canViewBatch } from '@/lib/permissions/batches';
import { BatchPage } from './batch-page';

export const metadata: Metadata = { title: 'Batch' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/batches/${encodeURIComponent(id)}`);
  // Someone else's looks exactly like one that does not exist.
  if (!(await canViewBatch(user, id))) notFound();
  return <BatchPage id={id} />;
}
