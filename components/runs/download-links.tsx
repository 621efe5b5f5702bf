'use client';
import { useId } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { predictionsUrl } from '@/lib/client/api';
import { MODEL_ORDER, predictionModelLabel } from '@/lib/client/models';
import type { PredictionModel, Run } from '@/lib/client/types';

interface DownloadLinksProps {
  run: Run;
  /** The picked model; null for the champion. The chart draws the same one. */
  model: PredictionModel | null;
  onModelChange: (model: PredictionModel | null) => void;
}

/**
 * The model picker (it sets the forecast chart too) and the predictions of the picked model for
 * the test window and the future horizon: the champion's unless another model is picked.
 * Timestamps in the files are UTC (ISO 8601 ending in Z), whatever offset the page shows times at.
 */
export function DownloadLinks({ run, model, onModelChange }: DownloadLinksProps) {
  const selectId = useId();
  const champion = run.evaluation?.champion;
  const models = MODEL_ORDER.filter((m) => run.metrics?.[m]);
  const chosen = model ?? undefined;
  const utcNote = 'Timestamps in UTC (ISO 8601, ending in Z)';
  return (
    <>
      <label className="visually-hidden" htmlFor={selectId}>
        Model to chart and download
      </label>
      <select
        id={selectId}
        className="select select-inline"
        // '' is the champion: the API's default, also for runs stored before champions (the LSTM).
        value={model ?? ''}
        onChange={(event) => onModelChange((event.target.value || null) as PredictionModel | null)}
        data-testid="download-model"
      >
        <option value="">
          {champion ? `Champion: ${predictionModelLabel(champion.model, champion.members)}` : 'LSTM'}
        </option>
        {models.map((m) => (
          <option key={m} value={m}>
            {predictionModelLabel(m)}
          </option>
        ))}
      </select>
      <ButtonLink
        size="sm"
        href={predictionsUrl(run.id, 'csv', chosen)}
        download
        title={utcNote}
        data-testid="download-csv"
      >
        Download CSV
      </ButtonLink>
      <ButtonLink
        size="sm"
        href={predictionsUrl(run.id, 'json', chosen)}
        download
        title={utcNote}
        data-testid="download-json"
      >
        Download JSON
      </ButtonLink>
    </>
  );
}
