import { DatasetList } from '@/components/datasets/dataset-list';
import { PageHeader } from '@/components/ui/page-header';
import { UploadPanel } from '@/components/upload/upload-panel';

export function HomePage() {
  return (
    <>
      <PageHeader
        title="Datasets"
        meta="Upload a CSV, then train forecasters on its series and compare them with a baseline."
      />
      <UploadPanel />
      <DatasetList />
    </>
  );
}
