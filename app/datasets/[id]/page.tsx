import type { Metadata } from 'next';
import { DatasetPage } from './dataset-page';

export const metadata: Metadata = { title: 'Dataset' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DatasetPage id={id} />;
}
