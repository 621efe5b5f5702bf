import type { Metadata } from 'next';
import { ComparePage } from './compare-page';

export const metadata: Metadata = { title: 'Compare runs' };

/** `?runs=id1,id2,…` (repeated `runs` parameters are accepted too). */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { runs } = await searchParams;
  const ids = [runs ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter(Boolean);
  return <ComparePage ids={[...new Set(ids)]} />;
}
