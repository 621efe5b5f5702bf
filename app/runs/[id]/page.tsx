import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/page-user';
import { canViewRun } from '@/lib/permissions/runs';
import { RunPage } from './run-page';

export const metadata: Metadata = { title: 'Run' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/runs/${encodeURIComponent(id)}`);
  // Someone else's looks exactly like one that does not exist.
  if (!(await canViewRun(user, id))) notFound();
  return <RunPage id={id} />;
}
