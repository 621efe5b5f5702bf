'use client';
// A batch: its progress, the aggregate scores over its series, a histogram of skill, and a
// sortable, filterable table of the series with a link to each series' run and a sparkline of its
// recent history and its champion's forecast. One download holds every series' predictions (CSV or
// Parquet). The sparklines come in one request for the whole table, again each time a series ends.
import Link from 'next/link';
import { useState } from 'react';
import { SkillHistogram } from '@/components/batches/skill-histogram';
import { SparklineChart } from '@/components/charts/sparkline';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Facts } from '@/components/ui/facts';
import { InputField, SelectField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { ProgressBar } from '@/components/ui/progress-bar';
import { RelativeTime } from '@/components/ui/relative-time';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table } from '@/components/ui/table';
import { ApiError } from '@/lib/client/api-error';
import {
  averageChampionNote,
  averagedChampionsNote,
  batchModelsText,
  batchPredictionsUrl,
  cancelBatch,
  championCellLabel,
  championLabel,
  getBatch,
  getBatchSparklines,
  globalLstmText,
  seriesShareText,
  sparklineLabel,
  visibleRows,
  type Batch,
  type BatchSeriesRow,
  type BatchSparkline,
  type SortKey,
  type TableView,
} from '@/lib/client/batches';
import { skillText } from '@/lib/client/evaluation';
import { formatCount, formatNumber, formatPercentValue } from '@/lib/client/format';
import { MODEL_LABELS, MODEL_ORDER } from '@/lib/client/models';
import { isActive } from '@/lib/client/run-status';
import type { RunStatus } from '@/lib/client/types';
import { useResource } from '@/lib/client/use-resource';

const BREADCRUMBS = [{ href: '/runs', label: 'Runs' }];
const ACTIVE_POLL_MS = 2000;
const STATUSES: (RunStatus | 'all')[] = ['all', 'queued', 'running', 'succeeded', 'failed', 'cancelled'];
const COLUMNS: { key: SortKey; label: string; numeric?: boolean; title?: string }[] = [
  { key: 'name', label: 'Series' },
  { key: 'status', label: 'Status' },
  { key: 'champion', label: 'Champion' },
  {
    key: 'mase',
    label: 'MASE',
    numeric: true,
    title:
      "The champion's MASE on the backtest windows it was not chosen on, each forecast by the model picked on the windows before it (lower is better)",
  },
  {
    key: 'skill',
    label: 'Skill',
    numeric: true,
    title: '1 - MASE(champion) / MASE(seasonal naive) on the same windows: above 0 beats repeating the last season',
  },
];

/** A row whose MASE is its champion's backtest one (no score on windows it was not chosen on): marked †. */
const onWholeBacktest = (row: BatchSeriesRow) => !row.nested && row.mase !== null;

function Scores({ batch }: { batch: Batch }) {
  const { summary } = batch;
  // In report order (the stored JSON does not keep key order).
  const models = MODEL_ORDER.flatMap((model) => {
    const scores = summary.models[model];
    return scores ? [[model, scores] as const] : [];
  });
  // Batches summarised since pooling count each model in every champion it is part of; older ones
  // only count the champions that are one model.
  const { inChampion } = summary;
  const averageNote = inChampion ? averagedChampionsNote(summary.champions) : averageChampionNote(summary.champions);
  return (
    <div className="stack">
      <Facts
        label="Batch outcome"
        inline
        items={[
          ['Series', formatCount(summary.series)],
          ['Succeeded', formatCount(summary.succeeded)],
          ['Failed', formatCount(summary.failed)],
          ['Cancelled', formatCount(summary.cancelled)],
          ['Best LSTM beats seasonal naive', seriesShareText(summary.lstmBeatsSeasonalNaive)],
          ['Best LSTM beats the best classical model', seriesShareText(summary.lstmBeatsBestClassical)],
        ]}
      />
      {models.length > 0 && (
        <Table caption="Scores per model across the series" compact data-testid="batch-scores">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" className="num">
                Mean MASE
              </th>
              <th scope="col" className="num">
                Median MASE
              </th>
              <th
                scope="col"
                className="num"
                title="Sum of absolute errors over sum of absolute actuals, across every series"
              >
                WAPE (volume-weighted)
              </th>
              <th
                scope="col"
                className="num"
                title={inChampion && 'Series whose champion is this model, alone or among the models it averages'}
              >
                {inChampion ? 'In the champion of' : 'Champion of'}
              </th>
            </tr>
          </thead>
          <tbody>
            {models.map(([model, scores]) => (
              <tr key={model}>
                <th scope="row">{MODEL_LABELS[model]}</th>
                <td className="num">{formatNumber(scores.meanMase, 3)}</td>
                <td className="num">{formatNumber(scores.medianMase, 3)}</td>
                <td className="num">{formatPercentValue(scores.wape)}</td>
                <td className="num">{formatCount((inChampion ?? summary.champions)[model] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {averageNote && (
        <p className="muted" data-testid="batch-average-champions">
          {averageNote}
        </p>
      )}
    </div>
  );
}

/**
 * The sparklines of every row, fetched again whenever another series finishes (it may now have a
 * forecast); the previous answer stays on screen until the next one arrives.
 */
function useSparklines(batch: Batch): Map<string, BatchSparkline> {
  const finished = batch.series.filter((row) => !isActive(row.status)).length;
  const { data } = useResource(`batch-sparklines:${batch.id}:${finished}`, (signal) =>
    getBatchSparklines(batch.id, signal),
  );
  const [shown, setShown] = useState(data);
  if (data && data !== shown) setShown(data);
  return new Map((shown ?? []).map((line) => [line.runId, line]));
}

function SeriesRows({ batch }: { batch: Batch }) {
  const sparklines = useSparklines(batch);
  const [view, setView] = useState<TableView>({ sort: 'name', descending: false, text: '', status: 'all' });
  const rows = visibleRows(batch.series, view);
  const sortBy = (key: SortKey) =>
    setView((v) => ({ ...v, sort: key, descending: v.sort === key ? !v.descending : false }));
  return (
    <div className="stack">
      <div className="row">
        <InputField
          label="Filter"
          type="search"
          placeholder="Series or champion contains…"
          value={view.text}
          onChange={(event) => setView((v) => ({ ...v, text: event.target.value }))}
          className="field-search"
        />
        <SelectField
          label="Status"
          value={view.status}
          onChange={(event) => setView((v) => ({ ...v, status: event.target.value as TableView['status'] }))}
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status === 'all' ? 'All' : status}
            </option>
          ))}
        </SelectField>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No series match" compact />
      ) : (
        <Table caption="Series of this batch" data-testid="batch-series">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  title={column.title}
                  aria-sort={view.sort === column.key ? (view.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" className="link-button" onClick={() => sortBy(column.key)}>
                    {column.label}
                    {view.sort === column.key ? (view.descending ? ' ↓' : ' ↑') : ''}
                  </button>
                </th>
              ))}
              <th scope="col" title="Solid: the newest values; dashed: the champion's forecast after them">
                History and forecast
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.runId}>
                <th scope="row">
                  <Link href={`/runs/${encodeURIComponent(row.runId)}`}>{row.name}</Link>
                </th>
                <td>
                  <RunStatusBadge status={row.status} />
                  {row.error && row.status === 'failed' && <div className="field-hint">{row.error}</div>}
                </td>
                <td title={championLabel(row)}>{championCellLabel(row)}</td>
                <td className="num">
                  {formatNumber(row.mase, 3)}
                  {onWholeBacktest(row) && (
                    <>
                      <sup aria-hidden="true">†</sup>
                      <span className="visually-hidden"> (on the whole backtest)</span>
                    </>
                  )}
                </td>
                <td className="num">{skillText(row.skill)}</td>
                <td className="shrink">
                  <RowSparkline name={row.name} line={sparklines.get(row.runId)} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {rows.some(onWholeBacktest) && (
        <p className="muted" data-testid="batch-backtest-note">
          † On the whole backtest, where the champion was chosen: that run has no window it was not chosen on (a single
          backtest window, or a run from before that score), so its MASE and skill flatter it.
        </p>
      )}
    </div>
  );
}

function RowSparkline({ name, line }: { name: string; line: BatchSparkline | undefined }) {
  if (!line) return <div className="sparkline-empty" aria-hidden="true" />;
  return <SparklineChart history={line.history} forecast={line.forecast} label={sparklineLabel(name, line)} />;
}

export function BatchPage({ id }: { id: string }) {
  const {
    data: batch,
    error,
    loading,
    reload,
  } = useResource(`batch:${id}`, (signal) => getBatch(id, signal), {
    refreshInterval: (data) => (data && !isActive(data.status) ? null : ACTIVE_POLL_MS),
  });
  const [cancelling, setCancelling] = useState(false);

  if (loading) return <LoadingState label="Loading the batch…" />;
  if (!batch) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <>
        <PageHeader title={missing ? 'Batch not found' : 'Batch'} breadcrumbs={BREADCRUMBS} />
        <div className="card">
          <ErrorState
            error={error}
            title={missing ? 'This batch does not exist (any more)' : 'Could not load the batch'}
            onRetry={missing ? undefined : reload}
          />
        </div>
      </>
    );
  }

  const active = isActive(batch.status);
  return (
    <>
      <PageHeader
        title={`Batch of ${formatCount(batch.series.length)} series`}
        breadcrumbs={[...BREADCRUMBS, { href: `/datasets/${encodeURIComponent(batch.datasetId)}`, label: 'Dataset' }]}
        meta={
          <>
            <RunStatusBadge status={batch.status} data-testid="batch-status" />
            <span>
              Started <RelativeTime value={batch.createdAt} />
              {batch.scheduleId && ' by a schedule of the dataset'}
            </span>
          </>
        }
        actions={
          <>
            <ButtonLink href={batchPredictionsUrl(batch.id, 'csv')} download data-testid="batch-download">
              Download all predictions (CSV)
            </ButtonLink>
            <ButtonLink href={batchPredictionsUrl(batch.id, 'parquet')} download>
              Parquet
            </ButtonLink>
            {active && (
              <Button
                variant="danger"
                loading={cancelling}
                onClick={async () => {
                  setCancelling(true);
                  try {
                    await cancelBatch(batch.id);
                  } finally {
                    setCancelling(false);
                    reload();
                  }
                }}
              >
                Cancel batch
              </Button>
            )}
          </>
        }
      />
      <Card title="Models" description={batchModelsText(batch.series.length, batch.perSeriesLstm)}>
        <Facts
          label="Models of the batch"
          inline
          items={[
            ['Global LSTM', <span data-testid="batch-global-lstm">{globalLstmText(batch.globalLstm)}</span>],
            ['Per-series LSTMs', batch.perSeriesLstm ? 'On' : 'Off'],
          ]}
        />
      </Card>
      {active && (
        <Card title="Progress">
          <ProgressBar value={batch.progress} label="Batch progress" size="lg" data-testid="batch-progress" />
        </Card>
      )}
      {batch.error && (
        <p role="alert" className="field-error">
          {batch.error}
        </p>
      )}
      <Card title="Scores across the series" description="Backtest scores of every series that succeeded, per model.">
        <Scores batch={batch} />
      </Card>
      <Card title="Skill across series">
        <SkillHistogram skills={batch.series.map((row) => row.skill)} />
      </Card>
      <Card
        title="Series"
        description="Open a series to see its run: forecast chart, leaderboard and intervals. MASE and skill: the champion on the backtest windows it was not chosen on († where a run has none). Sparklines: the newest values, then the champion's forecast dashed."
      >
        <SeriesRows batch={batch} />
      </Card>
    </>
  );
}
