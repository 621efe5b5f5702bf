'use client';
// One run: live progress while it trains, then the verdict, forecast chart, metrics, settings and
// downloads. Live data comes from useRun (server-sent events, polling as a fallback).
import { backendName } from '@/lib/client/readable-names';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { LossChart } from '@/components/charts/loss-chart';
import { StepErrorChart } from '@/components/charts/step-error-chart';
import { ConfigFacts } from '@/components/runs/config-facts';
import { EvaluationFacts } from '@/components/runs/evaluation-facts';
import { Leaderboard } from '@/components/runs/leaderboard';
import { LiveProgress } from '@/components/runs/live-progress';
import { RenameRun } from '@/components/runs/rename-run';
import { RetryNotice } from '@/components/runs/retry-notice';
import { MetricsTable } from '@/components/runs/metrics-table';
import { RunForecastCard } from '@/components/runs/run-forecast-card';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { CovariateEffectPanel } from '@/components/runs/covariate-effect';
import { VerdictBanner } from '@/components/runs/verdict-banner';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Facts } from '@/components/ui/facts';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { cancelRun, deleteRun } from '@/lib/client/api';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { drawnModels } from '@/lib/client/drawn-models';
import { formatCount, formatDuration, formatSeriesRange, seriesZone } from '@/lib/client/format';
import { useDataset, useSeries } from '@/lib/client/hooks';
import { isActive, runLabel } from '@/lib/client/run-status';
import { useRun } from '@/lib/client/use-run';
import type { PredictionModel, Run } from '@/lib/client/types';

function CancelButton({ run, onCancelled }: { run: Run; onCancelled: (run: Run | null) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      onCancelled(await cancelRun(run.id));
    } catch (caught) {
      // 409: it finished meanwhile; show the message and fetch the final state.
      setError(caught);
      if (caught instanceof ApiError && caught.status === 409) onCancelled(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack stack-sm align-end">
      <Button variant="secondary" onClick={cancel} loading={busy} data-testid="cancel-run">
        Cancel run
      </Button>
      {error !== null && (
        <span className="field-error" role="alert">
          {errorMessage(error)}
        </span>
      )}
    </div>
  );
}

export function RunPage({ id }: { id: string }) {
  const router = useRouter();
  const { data: run, error, loading, reload, setData } = useRun(id);
  const series = useSeries(run?.seriesId ?? null).data?.series;
  const dataset = useDataset(series?.datasetId ?? null).data;
  // The model the forecast and step-error charts draw and downloads give; null is the champion.
  const [picked, setPicked] = useState<PredictionModel | null>(null);
  const evaluation = run?.evaluation;
  const drawn = useMemo(() => drawnModels(evaluation, picked), [evaluation, picked]);
  // Covariates are named by their series in the configuration.
  const seriesNames = useMemo(() => new Map(dataset?.series.map((s) => [s.id, s.name]) ?? []), [dataset]);

  if (loading) return <LoadingState label="Loading the run…" />;
  if (!run) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <>
        <PageHeader title={missing ? 'Run not found' : 'Run'} breadcrumbs={[{ href: '/', label: 'Datasets' }]} />
        <div className="card">
          <ErrorState
            error={error}
            title={missing ? 'This run does not exist (any more)' : 'Could not load the run'}
            onRetry={missing ? undefined : reload}
          />
        </div>
      </>
    );
  }

  const active = isActive(run.status);
  // Chart downloads say which series and run they show.
  const exportName = [series?.name ?? 'series', `run-${run.id}`];
  const history = run.history ?? [];
  const breadcrumbs = [
    { href: '/', label: 'Datasets' },
    ...(series ? [{ href: `/datasets/${series.datasetId}`, label: dataset?.name ?? 'Dataset' }] : []),
    { href: `/series/${run.seriesId}`, label: series?.name ?? 'Series' },
  ];

  return (
    <>
      <PageHeader
        title={runLabel(run)}
        breadcrumbs={breadcrumbs}
        meta={
          <>
            <span role="status">
              <RunStatusBadge status={run.status} data-testid="run-status" />
            </span>
            <span>
              Created <RelativeTime value={run.createdAt} />
            </span>
            {run.scheduleId && <span>Started by a schedule</span>}
          </>
        }
        actions={
          <>
            <RenameRun run={run} onRenamed={(next) => setData({ ...run, name: next.name })} />
            {active ? (
              <CancelButton run={run} onCancelled={(next) => (next ? setData(next) : reload())} />
            ) : (
              <ConfirmButton
                title={`Delete ${runLabel(run)}?`}
                description="Its metrics, forecasts and model are deleted. This cannot be undone."
                confirmLabel="Delete run"
                onConfirm={async () => {
                  await deleteRun(run.id);
                  router.push(`/series/${run.seriesId}`);
                }}
              >
                Delete run
              </ConfirmButton>
            )}
          </>
        }
      />

      {error !== undefined && active && (
        <Alert tone="warning">Lost contact with the server ({errorMessage(error)}). Retrying…</Alert>
      )}

      {active && (
        <Card title="Training" data-testid="live-run">
          <div className="stack">
            <RetryNotice run={run} />
            <LiveProgress run={run} />
            {/* history is the plain LSTM's backtest fit in progress (the scoring fit's at the end) */}
            <LossChart
              history={history}
              epochs={
                run.progressDetail && run.progressDetail.phase !== 'refit' ? run.progressDetail.epochs : undefined
              }
            />
          </div>
        </Card>
      )}

      {run.status === 'failed' && (
        <Alert tone="error" title="Training failed" data-testid="run-error">
          {run.error ?? 'The worker reported no reason.'}
        </Alert>
      )}
      {run.status === 'cancelled' && (
        <Alert tone="info" title="This run was cancelled" data-testid="run-cancelled">
          It stopped before finishing, so there is no forecast. Train a new run from the{' '}
          <Link href={`/series/${run.seriesId}`}>series page</Link>.
        </Alert>
      )}

      {run.status === 'succeeded' && (
        <>
          <VerdictBanner run={run} />
          <CovariateEffectPanel run={run} />
          <RunForecastCard
            run={run}
            exportName={exportName}
            frequency={series?.frequency ?? 'irregular'}
            timeOffset={seriesZone(series)}
            drawn={drawn}
            picked={picked}
            onPick={setPicked}
          />
          <div className="grid-2">
            <Card
              title="Leaderboard"
              description={
                run.evaluation
                  ? 'Errors of every model pooled over the backtest windows (rolling origin).'
                  : 'Errors on the one backtest window this older run kept.'
              }
            >
              <div className="stack">
                {run.metrics && (
                  <Leaderboard
                    metrics={run.metrics}
                    evaluation={run.evaluation}
                    shown={drawn.main}
                    onShow={setPicked}
                  />
                )}
                {run.metrics ? (
                  <MetricsTable metrics={run.metrics} />
                ) : (
                  <p className="muted">No metrics were stored.</p>
                )}
                {run.evaluation && <EvaluationFacts evaluation={run.evaluation} />}
                <Facts
                  label="Training facts"
                  items={[
                    ['Backend', <span data-backend={run.backend ?? ''}>{backendName(run.backend)}</span>],
                    ['Training time', formatDuration(run.durationMs)],
                    ['Epochs trained', history.length ? formatCount(history[history.length - 1].epoch) : '—'],
                    ['Points', formatCount(run.summary?.points)],
                    [
                      'Training data',
                      formatSeriesRange(
                        run.summary?.trainStart,
                        run.summary?.trainEnd,
                        series?.frequency,
                        seriesZone(series),
                      ),
                    ],
                    [
                      'Last backtest window',
                      formatSeriesRange(
                        run.summary?.testStart,
                        run.summary?.testEnd,
                        series?.frequency,
                        seriesZone(series),
                      ),
                    ],
                  ]}
                />
              </div>
            </Card>
            <Card title="Configuration">
              <ConfigFacts config={run.config} chosen={run.evaluation?.search?.chosen} seriesNames={seriesNames} />
            </Card>
          </div>
        </>
      )}

      {run.status === 'succeeded' && run.evaluation && (
        <Card
          title="Error by forecast step"
          description="How far ahead the forecasts stay useful: each model's error 1, 2, … steps ahead, over the backtest windows."
        >
          <StepErrorChart byStep={run.evaluation.backtest.byStep} drawn={drawn} exportName={exportName} />
        </Card>
      )}

      {!active && history.length > 0 && (
        <Card title="Training loss" description="Per epoch of the fit scored on the last backtest window.">
          <LossChart history={history} exportName={exportName} />
        </Card>
      )}

      {!active && run.status !== 'succeeded' && (
        <Card title="Configuration">
          <ConfigFacts config={run.config} chosen={run.evaluation?.search?.chosen} seriesNames={seriesNames} />
        </Card>
      )}
    </>
  );
}
