'use client';
// "Forecast all series" on the dataset page: one batch over every series with the default
// settings of each series, then the batch page, where progress and scores appear. It says what each
// series compares: one global LSTM shared by the batch, and its own LSTMs unless the batch is
// large (off by default above 20 series; the checkbox overrides it).
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/client/api-error';
import { batchModelsText, createBatch, defaultPerSeriesLstm } from '@/lib/client/batches';

export function ForecastAllButton({ datasetId, seriesCount }: { datasetId: string; seriesCount: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [perSeriesLstm, setPerSeriesLstm] = useState(() => defaultPerSeriesLstm(seriesCount));
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={perSeriesLstm}
          disabled={busy || seriesCount === 0}
          onChange={(event) => setPerSeriesLstm(event.target.checked)}
          data-testid="forecast-all-per-series-lstm"
        />
        <span>An LSTM per series</span>
      </label>
      <Button
        variant="primary"
        loading={busy}
        disabled={seriesCount === 0}
        data-testid="forecast-all"
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const batch = await createBatch(datasetId, { perSeriesLstm });
            router.push(`/batches/${encodeURIComponent(batch.id)}`);
          } catch (caught) {
            setError(caught instanceof ApiError ? caught.message : 'Could not start the batch.');
            setBusy(false);
          }
        }}
      >
        Forecast all series
      </Button>
      {seriesCount > 0 && (
        <span className="muted" data-testid="forecast-all-models">
          {batchModelsText(seriesCount, perSeriesLstm)}
        </span>
      )}
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
