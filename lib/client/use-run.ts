'use client';
// Live state of one run. Polls every second while the run is queued or running and stops once
// it has finished. This is the only place that knows how live updates arrive: switching to
// server-sent events changes this file, not the run page.
import { getRun } from './api';
import { isActive } from './run-status';
import type { Run } from './types';
import { useResource, type Resource } from './use-resource';

const POLL_MS = 1000;

export function useRun(id: string): Resource<Run> {
  return useResource(`run:${id}`, (signal) => getRun(id, signal), {
    // Keep polling through a failed refresh of a live run (e.g. a dev-server restart); a run that
    // never loaded is not polled: the page shows the error with a retry button.
    refreshInterval: (run) => (run && isActive(run.status) ? POLL_MS : null),
  });
}
