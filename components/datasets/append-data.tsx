'use client';
// "Append data" on the dataset page: pick a CSV with newer (or corrected) rows; series with the
// same name grow, new names become series, and at a timestamp already stored the new value wins.
import { useEffect, useRef, useState } from 'react';
import { FileProblems } from '@/components/upload/file-problems';
import { UploadProgress } from '@/components/upload/upload-progress';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { formatCount } from '@/lib/client/format';
import type { AppendedSeries, Dataset } from '@/lib/client/types';
import {
  appendToDatasetWithProgress,
  type UploadHandle,
  type AppendOutcome,
  type UploadState,
} from '@/lib/client/upload-dataset';

const plural = (count: number, one: string, many = `${one}s`) => `${formatCount(count)} ${count === 1 ? one : many}`;

/** e.g. "Added 30 points to 2 series; 5 stored points were replaced; 1 new series: c." */
export function appendSummary(appended: readonly AppendedSeries[]): string {
  const added = appended.reduce((sum, s) => sum + s.added, 0);
  const replaced = appended.reduce((sum, s) => sum + s.overlapping, 0);
  const created = appended.filter((s) => s.created).map((s) => s.name);
  const parts = [`Added ${plural(added, 'point')} to ${plural(appended.length, 'series', 'series')}`];
  if (replaced > 0) parts.push(`${plural(replaced, 'stored point was', 'stored points were')} replaced`);
  if (created.length > 0) parts.push(`${plural(created.length, 'new series', 'new series')}: ${created.join(', ')}`);
  return `${parts.join('; ')}.`;
}

export function AppendData({ datasetId, onAppended }: { datasetId: string; onAppended: (dataset: Dataset) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [result, setResult] = useState<{ fileName: string; summary: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const uploadRef = useRef<UploadHandle<AppendOutcome> | null>(null);
  // Leaving the page stops the upload rather than letting it finish unseen.
  useEffect(() => () => uploadRef.current?.abort(), []);

  const append = async (file: File) => {
    setBusy(true);
    setResult(null);
    setError(null);
    setUpload(null);
    try {
      const handle = appendToDatasetWithProgress(datasetId, file, {}, setUpload);
      uploadRef.current = handle;
      const { dataset, appended } = await handle.promise;
      setResult({ fileName: file.name, summary: appendSummary(appended) });
      onAppended(dataset);
    } catch (caught) {
      setError(caught);
      setUpload(null);
    } finally {
      uploadRef.current = null;
      setBusy(false);
      // Choosing the same file again (after fixing it) must fire another change event.
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div className="stack stack-sm" data-testid="append-data">
      <div className="form-actions">
        <input
          ref={inputRef}
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          className="visually-hidden"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void append(file);
          }}
          data-testid="append-input"
          aria-label="CSV file to append"
        />
        <Button onClick={() => inputRef.current?.click()} loading={busy} data-testid="append-button">
          Append data…
        </Button>
        <span className="muted">
          Series with the same name grow, new names become series; at a stored timestamp the new value wins.
        </span>
      </div>
      {upload !== null && (
        <UploadProgress
          upload={upload}
          label="Append progress"
          finished={result !== null}
          testId="append-progress"
          countsTestId="append-counts"
        />
      )}
      {result && (
        <Alert tone="success" title={`Appended ${result.fileName}`} data-testid="append-status">
          {result.summary}
        </Alert>
      )}
      {error !== null && problems.length > 0 && (
        <FileProblems problems={problems} errorTitle="Nothing was appended: the file has problems" />
      )}
      {error !== null && problems.length === 0 && (
        <Alert tone="error" title="Nothing was appended" data-testid="append-error">
          {errorMessage(error)}
        </Alert>
      )}
    </div>
  );
}
