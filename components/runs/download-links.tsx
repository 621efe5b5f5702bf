'use client';
import { useId, useState } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { predictionsUrl } from '@/lib/client/api';
import { MODEL_ORDER, predictionModelLabel } from '@/lib/client/models';
import type { PredictionModel, Run } from '@/lib/client/types';

/** Predictions for the test window and the future horizon: the champion's unless another model is picked. */
export function DownloadLinks({ run }: { run: Run }) {
  const selectId = useId();
  // '' is the champion: the API's default, also for runs stored before champions (the LSTM).
  const [model, setModel] = useState<PredictionModel | ''>('');
  const champion = run.evaluation?.champion;
  const models = MODEL_ORDER.filter((m) => run.metrics?.[m]);
  const chosen = model === '' ? undefined : model;
  return (
    <>
      <label className="visually-hidden" htmlFor={selectId}>
        Model to download
      </label>
      <select
        id={selectId}
        className="select select-inline"
        value={model}
        onChange={(event) => setModel(event.target.value as PredictionModel | '')}
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
      <ButtonLink size="sm" href={predictionsUrl(run.id, 'csv', chosen)} download data-testid="download-csv">
        Download CSV
      </ButtonLink>
      <ButtonLink size="sm" href={predictionsUrl(run.id, 'json', chosen)} download data-testid="download-json">
        Download JSON
      </ButtonLink>
    </>
  );
}
