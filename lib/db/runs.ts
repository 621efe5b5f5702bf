// Training runs. Status changes are single UPDATEs guarded by the statuses they may leave
// (`WHERE status IN (...)`), so a run that has finished — succeeded, failed or cancelled — is never
// overwritten by a late worker write or a racing cancel. Each transition says whether it applied.
//
// A run belongs to the owner of its series' dataset. Reads a route can reach take the caller's
// scope; the worker reads by id alone through the `AsSystem` functions, acting for the owner.
// Writes by id (transitions, delete) take ids that came from one of those reads.
import type { Run, RunProgressDetail, RunSummary } from '@/lib/api/schemas/responses';
import type { Scope } from './scope';
import type { EpochLog, ForecastConfig, ForecastResult, SavedModel } from '@/lib/forecast/types';
import { COMPARED_MODELS } from '@/lib/forecast/compared-models';
import { getPrisma } from './client';
import { Prisma, type Run as RunRow, type RunStatus } from './generated/prisma/client';
import { jsonValue } from './json';
import { ownedThroughSeries } from './ownership';
import { insertPredictions } from './predictions';
import { runEvaluation, runMetrics } from './run-evaluation';

/** The API's shapes (lib/api/schemas/responses.ts): what the mappers below return. */
export type { Run, RunEvaluation, RunMetrics, RunProgressDetail, RunSummary } from '@/lib/api/schemas/responses';
export type { RunStatus };

export const ACTIVE_STATUSES: RunStatus[] = ['queued', 'running'];

export function isFinished(status: RunStatus): boolean {
  return !ACTIVE_STATUSES.includes(status);
}

// Model bytes can be megabytes: never read them for the API shape.
const withoutModel = { modelArtifacts: true, weights: true } as const;
type RunWithoutModel = Omit<RunRow, keyof typeof withoutModel>;

/** Fields a stored config may lack, as its run used them: runs stored before the fields existed. */
const CONFIG_BEFORE_LATER_FIELDS: Pick<
  ForecastConfig,
  'covariates' | 'holidays' | 'search' | 'searchBudgetSeconds' | 'searchFixed'
> = {
  covariates: [],
  holidays: null,
  search: 'off',
  searchBudgetSeconds: 1,
  searchFixed: [],
};

function toRun(row: RunWithoutModel): Run {
  return {
    id: row.id,
    seriesId: row.seriesId,
    scheduleId: row.scheduleId,
    batchId: row.batchId,
    name: row.name,
    status: row.status,
    progress: row.progress,
    progressDetail: row.progressDetail as unknown as Run['progressDetail'],
    // Runs stored before covariates and holidays existed (issue 22) used neither, and those stored
    // before the model choice compared every model, and those stored before the hyperparameter search
    // (issue 19) did not search; before seed ensembles (issue 19) an LSTM trained one seed.
    config: {
      ...CONFIG_BEFORE_LATER_FIELDS,
      seeds: 1,
      models: [...COMPARED_MODELS],
      ...(row.config as Partial<ForecastConfig>),
    } as ForecastConfig,
    backend: row.backend,
    metrics: row.metrics as unknown as Run['metrics'],
    evaluation: row.evaluation as unknown as Run['evaluation'],
    history: row.history as unknown as Run['history'],
    summary: row.summary as unknown as Run['summary'],
    durationMs: row.durationMs,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export interface NewRun {
  seriesId: string;
  /** The full, defaulted config. */
  config: ForecastConfig;
  scheduleId?: string | null;
  /** Trimmed; null or blank: none. */
  name?: string | null;
}

/** A stored name: blank is none. */
const storedName = (name: string | null | undefined): string | null => (name ? name : null);

export async function insertRunAsSystem({ seriesId, config, scheduleId = null, name = null }: NewRun): Promise<Run> {
  const row = await getPrisma().run.create({
    data: { seriesId, scheduleId, name: storedName(name), config: jsonValue(config) },
    omit: withoutModel,
  });
  return toRun(row);
}

/** Null when there is no such run or it belongs to someone else. */
export async function getRun(scope: Scope, id: string): Promise<Run | null> {
  const row = await getPrisma().run.findFirst({ where: { id, ...ownedThroughSeries(scope) }, omit: withoutModel });
  return row && toRun(row);
}

/** System scope: any user's run, for the worker and for re-reading a run already checked. */
export async function getRunAsSystem(id: string): Promise<Run | null> {
  const row = await getPrisma().run.findUnique({ where: { id }, omit: withoutModel });
  return row && toRun(row);
}

/** Newest first, optionally of one series or of every series of one dataset. */
export async function listRuns(
  scope: Scope,
  { seriesId, datasetId }: { seriesId?: string; datasetId?: string } = {},
): Promise<Run[]> {
  const rows = await getPrisma().run.findMany({
    where: {
      AND: [ownedThroughSeries(scope), ...(datasetId ? [{ series: { datasetId } }] : [])],
      ...(seriesId ? { seriesId } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    omit: withoutModel,
  });
  return rows.map(toRun);
}

/** The user's runs waiting for a worker, for the per-user cap (lib/runs/run-quota.ts). */
export async function countQueuedRuns(scope: Scope): Promise<number> {
  return getPrisma().run.count({ where: { ...ownedThroughSeries(scope), status: 'queued' } });
}

/** Renames a run the caller already read in its scope; blank or null removes the name. */
export async function renameRunAsSystem(id: string, name: string | null): Promise<Run | null> {
  const { count } = await getPrisma().run.updateMany({ where: { id }, data: { name: storedName(name) } });
  return count === 1 ? getRunAsSystem(id) : null;
}

export async function deleteRunAsSystem(id: string): Promise<void> {
  await getPrisma().run.deleteMany({ where: { id } });
}

/** Null when the run no longer exists (deleted with its dataset, say). */
export async function getRunStatusAsSystem(id: string): Promise<RunStatus | null> {
  const row = await getPrisma().run.findUnique({ where: { id }, select: { status: true } });
  return row?.status ?? null;
}

/**
 * Inserts a run unless its series already has a queued or running one, which it returns instead.
 * The check and the insert hold a per-series transaction lock, so two schedules firing at the same
 * moment on two workers cannot both start a training of the series.
 */
export async function insertRunUnlessActiveAsSystem({
  seriesId,
  config,
  scheduleId = null,
}: NewRun): Promise<{ inserted: Run } | { active: Run }> {
  return getPrisma().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${`series-run:${seriesId}`}))`;
    const active = await tx.run.findFirst({
      where: { seriesId, status: { in: ACTIVE_STATUSES } },
      orderBy: { createdAt: 'desc' },
      omit: withoutModel,
    });
    if (active) return { active: toRun(active) };
    const row = await tx.run.create({ data: { seriesId, scheduleId, config: jsonValue(config) }, omit: withoutModel });
    return { inserted: toRun(row) };
  });
}

/** System scope: every queued or running run created before `before`, oldest first (the worker's recovery at boot). */
export async function listActiveRunsAsSystem(before: Date): Promise<Run[]> {
  const rows = await getPrisma().run.findMany({
    where: { status: { in: ACTIVE_STATUSES }, createdAt: { lt: before } },
    orderBy: { createdAt: 'asc' },
    omit: withoutModel,
  });
  return rows.map(toRun);
}

/** The trained (refit) model, for predicting again without retraining. */
export async function getRunModelAsSystem(id: string): Promise<SavedModel | null> {
  const row = await getPrisma().run.findUnique({ where: { id }, select: { modelArtifacts: true, weights: true } });
  if (!row?.modelArtifacts || !row.weights) return null;
  return { artifacts: row.modelArtifacts as Record<string, unknown>, weights: row.weights };
}

async function transition(id: string, from: RunStatus[], data: Prisma.RunUpdateManyMutationInput): Promise<boolean> {
  const { count } = await getPrisma().run.updateMany({ where: { id, status: { in: from } }, data });
  return count === 1;
}

/**
 * queued → running at the start of every attempt; a retry starts over from zero progress. `note`
 * (kept in `error` while the run is active) says why an attempt after the first one is needed.
 */
export function markRunRunningAsSystem(id: string, attempt: number, note: string | null = null): Promise<boolean> {
  return transition(id, ['queued', 'running'], runningFields(attempt, note));
}

/** What a run's row holds as an attempt starts (markRunRunningAsSystem, tryStartRunAsSystem). */
function runningFields(attempt: number, note: string | null) {
  return {
    status: 'running' as const,
    attempts: attempt,
    progress: 0,
    progressDetail: Prisma.DbNull,
    history: [],
    error: note,
    startedAt: new Date(),
  };
}

/** What tryStartRunAsSystem did: started the run, held it back at the owner's running cap, or found it no longer active. */
export type StartAttempt =
  { started: true } | { started: false; heldBack: { running: number } } | { started: false; heldBack: null };

/**
 * queued → running as markRunRunningAsSystem, unless the run's owner already has `maxRunning` other runs
 * running: then the run stays (or goes back to) `queued` with `heldNote(running)` as its reason.
 * The count and the update hold a per-owner transaction lock, so several workers (or slots of one
 * worker) taking that owner's jobs at the same moment cannot together exceed the cap.
 */
export async function tryStartRunAsSystem(
  id: string,
  attempt: number,
  note: string | null,
  maxRunning: number,
  heldNote: (running: number) => string,
): Promise<StartAttempt> {
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.run.findUnique({
      where: { id },
      select: { series: { select: { dataset: { select: { userId: true } } } } },
    });
    if (!row) return { started: false, heldBack: null };
    const owner = row.series.dataset.userId;
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${`user-running:${owner ?? ''}`}))`;
    const running = await tx.run.count({
      where: { id: { not: id }, status: 'running', series: { dataset: { userId: owner } } },
    });
    if (running >= maxRunning) {
      const { count } = await tx.run.updateMany({
        where: { id, status: { in: ACTIVE_STATUSES } },
        data: { status: 'queued', progress: 0, progressDetail: Prisma.DbNull, error: heldNote(running) },
      });
      return { started: false, heldBack: count === 1 ? { running } : null };
    }
    const { count } = await tx.run.updateMany({
      where: { id, status: { in: ACTIVE_STATUSES } },
      data: runningFields(attempt, note),
    });
    return count === 1 ? { started: true } : { started: false, heldBack: null };
  });
}

export function updateRunProgressAsSystem(
  id: string,
  progress: number,
  history: EpochLog[],
  detail: RunProgressDetail,
): Promise<boolean> {
  return transition(id, ['running'], { progress, history: jsonValue(history), progressDetail: jsonValue(detail) });
}

/** running → queued after a failed attempt that BullMQ will retry; the error says why. */
export function markRunRetryingAsSystem(id: string, message: string): Promise<boolean> {
  return transition(id, ['running'], { status: 'queued', progress: 0, progressDetail: Prisma.DbNull, error: message });
}

/**
 * running → queued when attempt `attempt` was cut off (its worker died) and the job is back in the
 * queue. Only while that attempt is the run's latest: the next one may have started already.
 */
export async function markRunInterruptedAsSystem(id: string, attempt: number, message: string): Promise<boolean> {
  const { count } = await getPrisma().run.updateMany({
    where: { id, status: 'running', attempts: attempt },
    data: { status: 'queued', progress: 0, progressDetail: Prisma.DbNull, error: message },
  });
  return count === 1;
}

export function markRunFailedAsSystem(id: string, message: string): Promise<boolean> {
  return transition(id, ACTIVE_STATUSES, { status: 'failed', error: message, finishedAt: new Date() });
}

/** The cancelled run, or null when it had already finished (or does not exist). */
export async function markRunCancelledAsSystem(id: string): Promise<Run | null> {
  const cancelled = await transition(id, ACTIVE_STATUSES, { status: 'cancelled', finishedAt: new Date() });
  return cancelled ? getRunAsSystem(id) : null;
}

/**
 * running → succeeded with metrics, evaluation, model and predictions (every model), in one transaction. False (and nothing
 * written) when the run stopped being `running` meanwhile, e.g. it was cancelled.
 */
export async function completeRunAsSystem(id: string, result: ForecastResult): Promise<boolean> {
  const { summary } = result;
  return getPrisma().$transaction(async (tx) => {
    const { count } = await tx.run.updateMany({
      where: { id, status: 'running' },
      data: {
        status: 'succeeded',
        progress: 1,
        progressDetail: Prisma.DbNull,
        error: null,
        config: jsonValue(result.config),
        backend: result.backend,
        durationMs: Math.round(result.durationMs),
        metrics: jsonValue(runMetrics(result)),
        evaluation: jsonValue(runEvaluation(result)),
        history: jsonValue(result.history),
        summary: jsonValue({
          points: summary.points,
          trainStart: new Date(summary.trainStart).toISOString(),
          trainEnd: new Date(summary.trainEnd).toISOString(),
          testStart: new Date(summary.testStart).toISOString(),
          testEnd: new Date(summary.testEnd).toISOString(),
        } satisfies RunSummary),
        // No model when the series was too short for the LSTMs (evaluation.lstmSkipped says why).
        modelArtifacts: result.model ? jsonValue(result.model.artifacts) : Prisma.DbNull,
        weights: result.model ? result.model.weights.slice() : null,
        finishedAt: new Date(),
      },
    });
    if (count === 0) return false;
    await insertPredictions(tx, id, result);
    return true;
  });
}
