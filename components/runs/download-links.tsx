import { ButtonLink } from '@/components/ui/button';
import { predictionsUrl } from '@/lib/client/api';

/** The LSTM's predictions for the test window and the future horizon. */
export function DownloadLinks({ runId }: { runId: string }) {
  return (
    <>
      <ButtonLink size="sm" href={predictionsUrl(runId, 'csv')} download data-testid="download-csv">
        Download CSV
      </ButtonLink>
      <ButtonLink size="sm" href={predictionsUrl(runId, 'json')} download data-testid="download-json">
        Download JSON
      </ButtonLink>
    </>
  );
}
