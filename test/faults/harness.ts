// Fault tests run real processes: their own PostgreSQL and Redis (so a test may restart them
// without disturbing other test files) and real worker processes (`node --import tsx
// worker/index.ts`) that a test can SIGKILL or SIGTERM. This test process plays the web app: it
// calls the route handlers in-process against the same database and Redis.
// HORIZON_TEST_VERBOSE=1 prints the workers' output as it comes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RouteContext } from '@/lib/api/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { createAccount } from '@/lib/auth/accounts';
import { scopeOf } from '@/lib/auth/scope';
import { disconnectDb, getPrisma } from '@/lib/db/client';
import { getRunAsSystem, type Run } from '@/lib/db/runs';
import { applyMigrations } from '@/lib/db/migrate';
import { closeBatchFlows } from '@/lib/queue/batch-flow';
import { closeRunEvents } from '@/lib/queue/run-events';
import { closeTrainQueue } from '@/lib/queue/train-queue';
import { csvForm, dailyCsv } from '@/test/api';
import { POST as upload } from '@/app/api/datasets/route';
import { POST as createRunRoute } from '@/app/api/runs/route';
import { startWorker } from '@/scripts/services/app-processes';
import { freePort } from '@/scripts/services/free-port';
import type { ExitStatus, ManagedProcess } from '@/scripts/services/managed-process';
import { startPostgres, type RunningService } from '@/scripts/services/postgres';
import { startRedis } from '@/scripts/services/redis';
import { Supervisor } from '@/scripts/services/supervisor';

/**
 * Short locks so a dead worker's job is taken over within seconds instead of minutes (see
 * worker/settings.ts). Not shorter: training holds the event loop for up to about a second at a
 * time, more when the test machine is busy, and the lock is renewed every half of its duration.
 */
export const FAST_STALL_ENV = { HORIZON_WORKER_LOCK_MS: '10000', HORIZON_WORKER_STALLED_INTERVAL_MS: '2000' };

/**
 * Settings of the fault tests' runs: one seed and no hyperparameter search. The defaults (a seed
 * ensemble on short series, a search before the backtest) multiply a run's training several times
 * over, and these tests are about processes, queues and locks, not accuracy.
 */
const FAULT_RUN = { search: 'off', seeds: 1 } as const;
/**
 * A training that lasts tens of seconds on the wasm backend, so a test can act while it is in
 * progress, yet stays small. Progress is stored and cancellation checked after every epoch.
 */
export const LONG_TRAINING = { horizon: 7, lookback: 14, epochs: 20, units: 8, ...FAULT_RUN };
export const TINY_TRAINING = { horizon: 7, lookback: 14, epochs: 2, units: 4, ...FAULT_RUN };

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error; // e.g. the database is restarting: try again
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
  );
}

export interface WorkerProcess {
  name: string;
  process: ManagedProcess;
  /** Everything it printed so far, one entry per line. */
  lines: string[];
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<ExitStatus>;
}

export interface FaultServices {
  databaseUrl: string;
  redisUrl: string;
  startWorker(name: string, env?: Record<string, string>): Promise<WorkerProcess>;
  restartRedis(): Promise<void>;
  /** Stops PostgreSQL (fast shutdown: sessions are cut), waits `downMs`, starts it on the same data. */
  restartPostgres(options?: { downMs?: number }): Promise<void>;
  /** Kills the workers still running and waits for them to exit. */
  killWorkers(): Promise<void>;
  /** Kills the workers still running, stops both servers, removes the folder. */
  close(): Promise<void>;
}

/**
 * Starts PostgreSQL and Redis in a temporary folder and points this process at them (the lib
 * modules read DATABASE_URL and REDIS_URL on first use, so call this before anything else).
 */
export async function startFaultServices(): Promise<FaultServices> {
  const dir = await mkdtemp(join(tmpdir(), 'horizon-faults-'));
  const [pgPort, redisPort] = [await freePort(), await freePort()];
  const pgOptions = { dataDir: join(dir, 'postgres'), port: pgPort };
  const redisOptions = { dir: join(dir, 'redis'), port: redisPort };
  let postgres: RunningService = await startPostgres(pgOptions);
  let redis = await startRedis(redisOptions);
  await applyMigrations(postgres.url);
  process.env.DATABASE_URL = postgres.url;
  process.env.REDIS_URL = redis.url;
  const workers: WorkerProcess[] = [];
  const killWorkers = async () => {
    for (const worker of workers) worker.process.kill();
    await Promise.all(workers.map((worker) => worker.exited));
  };

  return {
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    async startWorker(name, env = {}) {
      const lines: string[] = [];
      const child = startWorker({
        env: { DATABASE_URL: postgres.url, REDIS_URL: redis.url, HORIZON_WORKER_NAME: name, ...env },
        onLine: (line) => {
          lines.push(line);
          if (process.env.HORIZON_TEST_VERBOSE) console.log(`[${name}] ${line}`);
        },
      });
      const waitForLine = (pattern: RegExp, timeoutMs = 90_000) =>
        waitFor(
          `worker ${name} to print ${pattern}:\n${lines.join('\n')}`,
          async () => lines.find((line) => pattern.test(line)),
          timeoutMs,
        );
      const worker: WorkerProcess = { name, process: child, lines, waitForLine, exited: child.exited };
      workers.push(worker);
      await Promise.race([
        waitForLine(/Worker .* ready on queue/),
        child.exited.then((status) => {
          throw new Error(`Worker ${name} exited during startup (${JSON.stringify(status)}):\n${lines.join('\n')}`);
        }),
      ]);
      return worker;
    },
    async restartRedis() {
      await redis.stop();
      redis = await startRedis(redisOptions);
    },
    async restartPostgres({ downMs = 0 } = {}) {
      await postgres.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      postgres = await startPostgres(pgOptions);
    },
    killWorkers,
    async close() {
      await killWorkers();
      await closeRunEvents();
      await closeBatchFlows();
      await closeTrainQueue();
      await disconnectDb();
      await redis.stop();
      await postgres.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface SupervisedServices {
  /** The same Supervisor `npm start` uses, keeping PostgreSQL, Redis and one worker running. */
  supervisor: Supervisor;
  /** What the supervisor logged ("… stopped unexpectedly …", "… is running again …"). */
  supervisorLines: string[];
  /** Output of every worker process it started, in order. */
  workerLines: string[];
  pidOf(label: 'PostgreSQL' | 'Redis' | 'the worker'): number;
  close(): Promise<void>;
}

/**
 * As `npm start` runs them: PostgreSQL, Redis and a worker (named `name`, default lock settings
 * unless `workerEnv` says otherwise) under a Supervisor, which restarts whichever dies. This test
 * process plays the web app, as with startFaultServices().
 */
export async function startSupervisedServices(
  name: string,
  workerEnv: Record<string, string> = {},
): Promise<SupervisedServices> {
  const dir = await mkdtemp(join(tmpdir(), 'horizon-supervised-'));
  const supervisorLines: string[] = [];
  const workerLines: string[] = [];
  const supervisor = new Supervisor(
    (line) => {
      supervisorLines.push(line);
      if (process.env.HORIZON_TEST_VERBOSE) console.log(`[supervisor] ${line}`);
    },
    { handleSignals: false },
  );
  const pgOptions = { dataDir: join(dir, 'postgres'), port: await freePort(), detached: true };
  const redisOptions = { dir: join(dir, 'redis'), port: await freePort(), detached: true };
  const postgres = await supervisor.keep('PostgreSQL', 'database', () => startPostgres(pgOptions));
  const redis = await supervisor.keep('Redis', 'database', () => startRedis(redisOptions));
  await applyMigrations(postgres.url);
  process.env.DATABASE_URL = postgres.url;
  process.env.REDIS_URL = redis.url;
  const env = { DATABASE_URL: postgres.url, REDIS_URL: redis.url, HORIZON_WORKER_NAME: name, ...workerEnv };
  const onLine = (line: string) => {
    workerLines.push(line);
    if (process.env.HORIZON_TEST_VERBOSE) console.log(`[${name}] ${line}`);
  };
  await supervisor.keep('the worker', 'app', () => startWorker({ env, onLine }));
  await waitFor('the worker to be ready', async () =>
    workerLines.some((line) => /Worker .* ready on queue/.test(line)),
  );
  return {
    supervisor,
    supervisorLines,
    workerLines,
    pidOf: (label) => supervisor.current(label)!.pid,
    async close() {
      await closeRunEvents();
      await closeTrainQueue();
      await disconnectDb();
      await supervisor.stopAll();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

type Handler = (request: Request, context?: RouteContext) => Promise<Response>;

let bearer: string | undefined;

/**
 * The services for one test file: started and signed in before its tests, stopped after them.
 * Call at the top level of the file; the getter returns them inside tests.
 */
export function useFaultServices(): () => FaultServices {
  let services: FaultServices | undefined;
  beforeAll(async () => {
    services = await startFaultServices();
    await signIn();
  });
  // Each test starts its own workers and stops them at its end; when a test fails before that,
  // its workers must not live on to take the next test's jobs.
  afterEach(async () => {
    await services?.killWorkers();
  });
  afterAll(async () => {
    await services?.close();
  });
  return () => {
    if (!services)
      throw new Error('The fault services are not started: call useFaultServices() at the top level of the test file.');
    return services;
  };
}

/** Signs this test process in as a fresh account (an API token), as the web app's user. */
export async function signIn(email = `faults-${Date.now()}@example.test`): Promise<void> {
  const { user } = await createAccount({ email, password: 'correct horse battery staple' });
  bearer = (await createApiToken(scopeOf(user), 'fault tests')).token;
}

/** Calls a route handler in-process as the signed-in account; the JSON body beside the status. */
export async function api<T = any>(
  handler: Handler,
  { method = 'GET', body, params }: { method?: string; body?: unknown; params?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
  const init: RequestInit = { method, headers };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await handler(
    new Request('http://horizon.test/', init),
    params ? { params: Promise.resolve(params) } : undefined,
  );
  return { status: response.status, body: (await response.json().catch(() => null)) as T };
}

/** Uploads a daily series through the API; returns its id. */
export async function uploadSeries(name: string, points = 200): Promise<string> {
  const { status, body } = await api(upload, { method: 'POST', body: csvForm(dailyCsv(points), `${name}.csv`) });
  if (status !== 201) throw new Error(`Upload failed: ${status} ${JSON.stringify(body)}`);
  return body.dataset.series[0].id;
}

/** Starts a run through the API (queued, with its job in Redis); returns its id. */
export async function startRun(seriesId: string, config: Record<string, unknown>): Promise<string> {
  const { status, body } = await api(createRunRoute, { method: 'POST', body: { seriesId, ...config } });
  if (status !== 202) throw new Error(`Starting a run failed: ${status} ${JSON.stringify(body)}`);
  return body.run.id;
}

export async function waitForRun(
  runId: string,
  what: string,
  check: (run: Run) => boolean,
  timeoutMs?: number,
): Promise<Run> {
  return waitFor(
    `run ${runId} to be ${what}`,
    async () => {
      const run = await getRunAsSystem(runId);
      return run && check(run) ? run : undefined;
    },
    timeoutMs,
  );
}

export const isFinishedRun = (run: Run) => !['queued', 'running'].includes(run.status);

/** Training starts the run row recorded (not part of the API's Run shape). */
export async function attemptsOf(runId: string): Promise<number> {
  const row = await getPrisma().run.findUniqueOrThrow({ where: { id: runId }, select: { attempts: true } });
  return row.attempts;
}

export async function runCountOf(seriesId: string): Promise<number> {
  return getPrisma().run.count({ where: { seriesId } });
}

/** The worker whose log says it started training the run (attempt `attempt`). */
export function trainerOf(workers: WorkerProcess[], runId: string, attempt: number): WorkerProcess | undefined {
  return workers.find((worker) =>
    worker.lines.some((line) => line.includes(`Run ${runId}: training (attempt ${attempt})`)),
  );
}

/**
 * Waits until one of the workers has printed a line matching `pattern`. A worker logs an outcome
 * after storing it, and its output reaches this process through a pipe: the database can show a
 * run or batch finished before the line arrives.
 */
export async function waitForLineIn(workers: WorkerProcess[], pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitFor(`a worker to print ${pattern}`, async () => linesMatching(workers, pattern)[0], timeoutMs);
}

/** Lines across all workers matching `pattern`. */
export function linesMatching(workers: WorkerProcess[], pattern: RegExp): string[] {
  return workers.flatMap((worker) => worker.lines.filter((line) => pattern.test(line)));
}
