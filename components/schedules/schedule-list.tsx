'use client';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Alert } from '@/components/ui/alert';
import { RelativeTime } from '@/components/ui/relative-time';
import { deleteSchedule, setSchedulePaused } from '@/lib/client/api';
import { errorMessage } from '@/lib/client/api-error';
import { formatLocalTime } from '@/lib/client/format';
import { runLabel } from '@/lib/client/run-status';
import { describeSchedule } from '@/lib/client/schedule-interval';
import { CONFIG_LABELS, formatConfigValue } from '@/lib/client/training-fields';
import type { ForecastConfig, Schedule } from '@/lib/client/types';

function configSummary(config: Schedule['config'], ofDataset = false): string {
  const entries = Object.entries(config ?? {}).filter(([, value]) => value !== undefined && value !== null);
  if (entries.length === 0) return ofDataset ? 'Each series’ defaults' : 'Series defaults';
  return entries
    .map(([key, value]) => `${CONFIG_LABELS[key as keyof ForecastConfig] ?? key} ${formatConfigValue(value)}`)
    .join(' · ');
}

/** A dataset schedule's series, by name when the page knows them. */
function seriesSummary(schedule: Schedule, seriesNames?: ReadonlyMap<string, string>): string {
  if (!schedule.seriesIds) return 'All series';
  const names = schedule.seriesIds.map((id) => seriesNames?.get(id) ?? id);
  return names.length <= 3 ? names.join(', ') : `${names.length} series`;
}

interface ScheduleListOptions {
  /** Names of a dataset's series, to say which ones a dataset schedule retrains. */
  seriesNames?: ReadonlyMap<string, string>;
  /** What each schedule retrains, where the list mixes targets (the schedules page). */
  targetOf?: (schedule: Schedule) => ReactNode;
}

function ScheduleItem({
  schedule,
  onChange,
  seriesNames,
  targetOf,
}: { schedule: Schedule; onChange: () => void } & ScheduleListOptions) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const description = describeSchedule(schedule);

  const togglePaused = async () => {
    setBusy(true);
    setError(null);
    try {
      await setSchedulePaused(schedule.id, !schedule.paused);
      onChange();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="schedule-item" data-testid="schedule-item" aria-label={description}>
      {targetOf && <div className="schedule-target">{targetOf(schedule)}</div>}
      <div className="row-between">
        <div className="row">
          <strong>{description}</strong>
          {schedule.paused ? <Badge tone="warning">Paused</Badge> : <Badge tone="success">Active</Badge>}
        </div>
        <div className="row">
          <Button
            size="sm"
            onClick={togglePaused}
            loading={busy}
            aria-label={`${schedule.paused ? 'Resume' : 'Pause'} schedule: ${description}`}
          >
            {schedule.paused ? 'Resume' : 'Pause'}
          </Button>
          <ConfirmButton
            variant="ghost"
            size="sm"
            aria-label={`Delete schedule: ${description}`}
            title="Delete this schedule?"
            description={`${description}. Runs it already created are kept.`}
            confirmLabel="Delete schedule"
            onConfirm={async () => {
              await deleteSchedule(schedule.id);
              onChange();
            }}
          >
            Delete
          </ConfirmButton>
        </div>
      </div>
      <div className="muted">
        {schedule.paused || !schedule.nextRunAt ? (
          'Paused: no runs until resumed.'
        ) : (
          <>
            Next run <RelativeTime value={schedule.nextRunAt} /> ({formatLocalTime(schedule.nextRunAt)})
          </>
        )}
        {' · '}
        {schedule.datasetId !== null && <>{seriesSummary(schedule, seriesNames)} · </>}
        {configSummary(schedule.config, schedule.datasetId !== null)}
      </div>
      {schedule.lastSkip && (
        <p className="field-hint" data-testid="schedule-last-skip">
          Last skipped <RelativeTime value={schedule.lastSkip.at} />: {schedule.lastSkip.reason}
        </p>
      )}
      {schedule.datasetId !== null ? (
        schedule.batches.length > 0 ? (
          <ul className="run-links" aria-label="Batches created by this schedule" data-testid="schedule-batches">
            {schedule.batches.map((batch) => (
              <li key={batch.id}>
                <Link href={`/batches/${encodeURIComponent(batch.id)}`}>
                  <RunStatusBadge status={batch.status} />
                  Batch · {formatLocalTime(batch.createdAt)}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="field-hint">No batches yet.</p>
        )
      ) : schedule.runs.length > 0 ? (
        <ul className="run-links" aria-label="Runs created by this schedule">
          {schedule.runs.map((run) => (
            <li key={run.id}>
              <Link href={`/runs/${run.id}`}>
                <RunStatusBadge status={run.status} />
                {runLabel(run)}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">No runs yet.</p>
      )}
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
    </li>
  );
}

export function ScheduleList({
  schedules,
  onChange,
  ...options
}: { schedules: readonly Schedule[]; onChange: () => void } & ScheduleListOptions) {
  return (
    <ul className="schedule-list" data-testid="schedule-list">
      {schedules.map((schedule) => (
        <ScheduleItem key={schedule.id} schedule={schedule} onChange={onChange} {...options} />
      ))}
    </ul>
  );
}
