'use client';
// "Forecast all series" on the dataset page: one batch over every series with the default
// settings of each series, then the batch page, where progress and scores appear.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/client/api-error';
import { createBatch } from '@/lib/client/batches';

export function ForecastAllButton({ datasetId, seriesCount }: { datasetId: string; seriesCount: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="primary"
        loading={busy}
        disabled={seriesCount === 0}
        data-testid="forecast-all"
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const batch = await createBatch(datasetId);
            router.push(`/batches/${encodeURIComponent(batch.id)}`);
          } catch (caught) {
            setError(caught instanceof ApiError ? caught.message : 'Could not start the batch.');
            setBusy(false);
          }
        }}
      >
        Forecast all series
      </Button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
