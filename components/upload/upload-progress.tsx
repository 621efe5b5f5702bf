// The progress of a file being sent and read by the server (an import or an append): a bar and
// "12 MB of 40 MB sent · 512,000 rows read" under it.
import { ProgressBar } from '@/components/ui/progress-bar';
import { formatBytes, formatCount } from '@/lib/client/format';
import type { UploadState } from '@/lib/client/upload-dataset';

/** "12 MB of 40 MB sent · 512,000 rows read": shown under the bar and spoken as its value. */
export function uploadCounts(upload: UploadState): string {
  const sent = `${formatBytes(upload.bytesSent)} of ${formatBytes(upload.bytesTotal)} sent`;
  return upload.rowsParsed === null ? sent : `${sent} · ${formatCount(upload.rowsParsed)} rows read`;
}

/** Sending is most of the wait; what follows (storing) shows as the last few percent. */
export function uploadFraction(upload: UploadState): number {
  if (upload.phase === 'done') return 1;
  const sent = upload.bytesTotal > 0 ? upload.bytesSent / upload.bytesTotal : 0;
  return upload.phase === 'storing' ? 0.97 : Math.min(0.95, sent * 0.95);
}

interface UploadProgressProps {
  upload: UploadState;
  /** Accessible name of the bar, e.g. "Upload progress". */
  label: string;
  /** The server answered: the bar turns to success. */
  finished: boolean;
  testId: string;
  countsTestId: string;
}

export function UploadProgress({ upload, label, finished, testId, countsTestId }: UploadProgressProps) {
  return (
    <div className="stack stack-sm">
      <ProgressBar
        value={uploadFraction(upload)}
        label={label}
        valueText={uploadCounts(upload)}
        size="lg"
        tone={finished ? 'success' : 'accent'}
        data-testid={testId}
      />
      <p className="muted" data-testid={countsTestId}>
        {uploadCounts(upload)}
      </p>
    </div>
  );
}
