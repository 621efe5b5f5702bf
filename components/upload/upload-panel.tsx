'use client';
// The upload flow: choose a file → preview what will be imported (columns, series, problems) →
// adjust how it is read (layout, id columns, gap and duplicate policies, columns, day/month order
// when the dates read either way) → import the whole file, showing bytes sent and rows the server
// has read → open the dataset.
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Facts } from '@/components/ui/facts';
import { InputField } from '@/components/ui/field';
import { LoadingState } from '@/components/ui/states';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import type { ParseChoice } from '@/lib/client/api';
import { formatBytes, formatCount } from '@/lib/client/format';
import { uploadDataset, type UploadHandle, type UploadState } from '@/lib/client/upload-dataset';
import { useFilePreview } from '@/lib/client/use-file-preview';
import { ColumnMapping } from './column-mapping';
import { DateOrderChoice } from './date-order-choice';
import { DetectedSeries } from './detected-series';
import { FileProblems } from './file-problems';
import { GapSuggestion } from './gap-suggestion';
import { ParseSettings } from './parse-settings';
import { PreviewTable } from './preview-table';
import { DropZone } from './drop-zone';
import { UploadProgress } from './upload-progress';

const DELIMITER_NAMES: Record<string, string> = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab', '|': 'Pipe' };

function delimiterLabel(delimiter: string): string {
  const name = DELIMITER_NAMES[delimiter];
  return name ? `${name}${delimiter === '\t' ? '' : ` (${delimiter})`}` : JSON.stringify(delimiter);
}

/** Announced politely when the import moves to its next step; the progress bar carries the counts. */
function uploadStatus(upload: UploadState | null, imported: boolean): string {
  if (imported) return 'Imported. Opening the dataset…';
  if (upload === null) return '';
  if (upload.phase === 'storing') return 'The whole file is read. Storing the series…';
  return `Uploading ${formatBytes(upload.bytesTotal)} and reading it as it arrives…`;
}

/** The time column's cells of the preview's first rows, as written, for the day/month question. */
function timeCells(preview: { columns: string[]; timeColumn: string | null; preview: string[][] }): string[] {
  const index = preview.timeColumn === null ? -1 : preview.columns.indexOf(preview.timeColumn);
  return index < 0 ? [] : preview.preview.map((row) => row[index] ?? '');
}

const datasetNameFrom = (fileName: string) => fileName.replace(/\.(csv|tsv|txt)$/i, '');

export function UploadPanel() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  // Bumped per chosen file, to reset per-file UI state (even when the same file is chosen again).
  const [fileKey, setFileKey] = useState(0);
  const [name, setName] = useState('');
  // Columns and the other parse settings are kept apart: a new layout resets the column choice.
  const [columnChoice, setColumnChoice] = useState<Pick<ParseChoice, 'timeColumn' | 'valueColumns'>>({});
  const [settings, setSettings] = useState<Omit<ParseChoice, 'timeColumn' | 'valueColumns'>>({});
  const choice = useMemo(() => ({ ...settings, ...columnChoice }), [settings, columnChoice]);
  const { preview, error: previewError, loading: previewing, partial } = useFilePreview(file, choice);

  const [upload, setUpload] = useState<UploadState | null>(null);
  const [imported, setImported] = useState(false);
  const [importError, setImportError] = useState<unknown>(null);
  const uploadRef = useRef<UploadHandle | null>(null);
  const uploading = upload !== null && !imported;
  // Leaving the page mid-upload stops the upload rather than finishing it unseen.
  useEffect(() => () => uploadRef.current?.abort(), []);

  const chooseFile = (next: File | null) => {
    setFile(next);
    setFileKey((key) => key + 1);
    setName(next ? datasetNameFrom(next.name) : '');
    setColumnChoice({});
    setSettings({});
    setImportError(null);
    setUpload(null);
  };

  const timeColumn = choice.timeColumn ?? preview?.timeColumn ?? '';
  const valueColumns = choice.valueColumns ?? preview?.valueColumns ?? [];
  const blockers = preview?.problems.filter((p) => p.severity === 'error') ?? [];
  const canImport =
    !!preview && blockers.length === 0 && !!timeColumn && valueColumns.length > 0 && !uploading && !previewing;

  const startImport = async () => {
    if (!file) return;
    setImportError(null);
    setUpload({ bytesSent: 0, bytesTotal: file.size, rowsParsed: null, phase: 'receiving' });
    // Only a changed choice is sent: otherwise the server detects it on the whole file.
    const handle = uploadDataset({ file, name, ...choice }, setUpload);
    uploadRef.current = handle;
    try {
      const dataset = await handle.promise;
      setImported(true);
      router.push(`/datasets/${dataset.id}`);
    } catch (error) {
      setImportError(error);
      setUpload(null);
    } finally {
      uploadRef.current = null;
    }
  };

  const importProblems = importError instanceof ApiError ? importError.problems : [];
  // Checked with the route's schema before sending (lib/client/upload-dataset.ts): shown under the field.
  const nameError = importError instanceof ApiError ? importError.fieldErrors.name : undefined;
  const status = uploadStatus(upload, imported);
  const ambiguousDates = preview?.problems.some((p) => p.code === 'ambiguous_dates') ?? false;
  const askDateOrder = !!preview && (ambiguousDates || settings.dayFirst !== undefined);

  return (
    <Card
      title="Upload a CSV"
      description="Preview what will be imported before anything is stored."
      data-testid="upload-panel"
    >
      {!file ? (
        <DropZone onFile={chooseFile} />
      ) : (
        <div className="stack">
          <div className="file-chip">
            <span className="file-chip-name">{file.name}</span>
            <span className="muted">{formatBytes(file.size)}</span>
            <Button variant="ghost" size="sm" onClick={() => chooseFile(null)} disabled={uploading}>
              Choose another file
            </Button>
          </div>

          {previewing && !preview && <LoadingState label="Reading the file…" compact />}
          {previewError !== null && (
            <Alert tone="error" title="Could not preview this file">
              {errorMessage(previewError)}
            </Alert>
          )}

          {preview && (
            <>
              <Facts
                inline
                label="What was detected"
                items={[
                  ['Delimiter', delimiterLabel(preview.delimiter)],
                  ['Columns', formatCount(preview.columns.length)],
                  [partial ? 'Rows read (first 256 KB)' : 'Rows', formatCount(preview.rows)],
                  ['Dates read as', preview.timeFormat ?? '—'],
                  ['Layout', preview.layout === 'long' ? `Long, by ${preview.idColumns.join(', ')}` : 'Wide'],
                  ['Header row', preview.hasHeader ? 'Yes' : 'No (columns named column_1, …)'],
                ]}
              />

              <FileProblems problems={preview.problems} />
              <GapSuggestion
                problems={preview.problems}
                gapPolicy={settings.gapPolicy}
                onChoose={(gapPolicy) => setSettings({ ...settings, gapPolicy })}
                disabled={uploading}
              />

              {askDateOrder && (
                <DateOrderChoice
                  dates={timeCells(preview)}
                  dayFirst={settings.dayFirst}
                  onChange={(dayFirst) => setSettings({ ...settings, dayFirst })}
                  disabled={uploading}
                />
              )}

              <ParseSettings
                preview={preview}
                settings={settings}
                timeColumn={timeColumn}
                onChange={(next) => {
                  // Another layout or other id columns make other value columns: detect them again.
                  if (next.layout !== settings.layout || next.idColumns !== settings.idColumns) setColumnChoice({});
                  setSettings(next);
                }}
                disabled={uploading}
              />

              <ColumnMapping
                key={fileKey}
                columns={preview.columns}
                timeColumn={timeColumn}
                valueColumns={valueColumns}
                skipped={preview.skippedColumns}
                idColumns={preview.idColumns}
                onTimeColumn={(column) => setColumnChoice({ timeColumn: column })}
                onValueColumns={(columns) =>
                  setColumnChoice({ timeColumn: timeColumn || undefined, valueColumns: columns })
                }
                disabled={uploading}
              />

              {preview.preview.length > 0 && (
                <div className="stack stack-sm">
                  <h3>First rows</h3>
                  <PreviewTable
                    columns={preview.columns}
                    rows={preview.preview}
                    timeColumn={preview.timeColumn}
                    valueColumns={preview.valueColumns}
                  />
                </div>
              )}

              {preview.series.length > 0 && (
                <div className="stack stack-sm">
                  <h3>
                    {preview.series.length === 1 ? '1 series' : `${formatCount(preview.series.length)} series`} detected
                    {previewing && <span className="muted"> · updating…</span>}
                  </h3>
                  <DetectedSeries series={preview.series} partial={partial} />
                  {partial && (
                    <p className="field-hint">* Counted in the first 256 KB; the import reads the whole file.</p>
                  )}
                </div>
              )}

              {preview.futureRows && (
                <Alert tone="info" data-testid="future-rows">
                  {preview.futureRows.message}
                </Alert>
              )}

              {preview.skippedSeries.length > 0 && (
                <div className="stack stack-sm" data-testid="skipped-series">
                  <h3>Left out</h3>
                  <ul className="problem-list">
                    {preview.skippedSeries.map((s) => (
                      <li key={s.name}>
                        <strong>{s.name}</strong> — {s.reason}
                      </li>
                    ))}
                  </ul>
                </div>
              )}

              <div className="form-actions align-end">
                <InputField
                  label="Dataset name"
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                  disabled={uploading}
                  className="field-name"
                  error={nameError && `The ${nameError}.`}
                />
                <Button
                  variant="primary"
                  onClick={startImport}
                  disabled={!canImport}
                  loading={uploading}
                  data-testid="import-button"
                >
                  Import
                </Button>
                {uploading && (
                  <Button variant="ghost" onClick={() => uploadRef.current?.abort()}>
                    Cancel upload
                  </Button>
                )}
              </div>
              {!canImport && !uploading && blockers.length > 0 && (
                <p className="field-hint">Fix the problems above (or change the column choice) to import.</p>
              )}
              {!canImport && !uploading && blockers.length === 0 && valueColumns.length === 0 && (
                <p className="field-hint">Tick at least one value column to import.</p>
              )}
            </>
          )}

          {upload !== null && (
            <UploadProgress
              upload={upload}
              label="Upload progress"
              finished={imported}
              testId="upload-progress"
              countsTestId="upload-counts"
            />
          )}
          <p className="muted" aria-live="polite" data-testid="upload-status">
            {status}
          </p>

          {importError !== null && importProblems.length > 0 && (
            <FileProblems problems={importProblems} errorTitle="The file was not imported; nothing was stored" />
          )}
          {importError !== null && importProblems.length === 0 && !nameError && (
            <Alert tone="error" title="The file was not imported" data-testid="import-error">
              {errorMessage(importError)}
            </Alert>
          )}
        </div>
      )}
    </Card>
  );
}
