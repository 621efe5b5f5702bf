import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/page-user';
import { canViewRun } from '@/lib/permissions/runs';
import { ComparePage } from './compare-page';

export const metadata: Metadata = { title: 'Compare runs' };

/** `?runs=id1,id2,…` (repeated `runs` parameters are accepted too). */
export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { runs } = await searchParams;
  const user = await requirePageUser('/compare');
  const ids = [runs ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter(Boolean);
  const unique = [...new Set(ids)];
  // One run that is not the user's makes the whole comparison "not found", as its own page would be.
  const visible = await Promise.all(unique.map((id) => canViewRun(user, id)));
  if (visible.includes(false)) notFound();
  return <ComparePage ids={unique} />;
}
