// Horizon's own processes as supervised children: the Next.js web server (production build) and
// the BullMQ worker, plus the wait for /api/health. Shared by `npm start` and the e2e server.
import { resolve } from 'node:path';
import { spawnManaged, type ManagedProcess } from './managed-process';

/** Prints a child's output with its name in front, e.g. `[web] ▲ Next.js 16`. */
export function prefixedOutput(name: string): (line: string, stream: 'stdout' | 'stderr') => void {
  const prefix = `[${name}]`;
  return (line, stream) => (stream === 'stderr' ? console.error(prefix, line) : console.log(prefix, line));
}

export interface AppProcessOptions {
  /** DATABASE_URL, REDIS_URL and anything else the process needs, on top of process.env. */
  env: Record<string, string>;
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/**
 * glibc's malloc arenas for the web process (MALLOC_ARENA_MAX, unless set): by default every thread
 * that allocates (V8's compiler and GC helpers, libuv's pool) may get an arena of its own, up to 8
 * per core, and memory freed in one is not reused by the others. In the soak (npm run bench --
 * soak) that kept 140 MB more RSS outside the JS heap than 2 arenas do, for the same heap.
 */
export const WEB_MALLOC_ARENAS = '2';

/**
 * `next start` through Node directly: `npx next start` runs it under extra wrapper processes
 * that stay behind when only the outer PID is signalled.
 */
export function startWeb(options: AppProcessOptions & { port: number; hostname?: string }): ManagedProcess {
  const args = [resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(options.port)];
  if (options.hostname) args.push('-H', options.hostname);
  return spawnManaged('web', process.execPath, args, {
    env: {
      MALLOC_ARENA_MAX: WEB_MALLOC_ARENAS,
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
    detached: true,
    graceMs: 10_000,
    onLine: options.onLine ?? prefixedOutput('web'),
  });
}

/** One worker process; it closes its BullMQ workers on SIGTERM, and is killed if that takes too long. */
export function startWorker(options: AppProcessOptions): ManagedProcess {
  return spawnManaged('worker', process.execPath, ['--import', 'tsx', resolve('worker/index.ts')], {
    env: { ...process.env, ...options.env },
    detached: true,
    graceMs: 20_000,
    onLine: options.onLine ?? prefixedOutput('worker'),
  });
}

export interface Health {
  db?: string;
  redis?: string;
  workers?: number;
}

/**
 * Polls `GET /api/health` until it answers 200 with at least one worker connected. Gives up
 * after `timeoutMs` or as soon as `gaveUp()` says so (a child died); returns the last answer.
 */
export async function waitForHealth(
  baseUrl: string,
  options: { timeoutMs: number; gaveUp?: () => boolean },
): Promise<{ healthy: boolean; last: string }> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline && !options.gaveUp?.()) {
    try {
      const response = await fetch(new URL('/api/health', baseUrl), { signal: AbortSignal.timeout(5_000) });
      const text = await response.text();
      last = `${response.status} ${text.slice(0, 300)}`;
      if (response.ok && ((JSON.parse(text) as Health).workers ?? 0) >= 1) return { healthy: true, last };
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { healthy: false, last };
}
