'use client';
// Tells the user up front whether training can happen: runs only leave the queue when a worker
// process is connected, which is the first thing to check when a run stays "queued".
import { useHealth } from '@/lib/client/hooks';

export function HealthIndicator() {
  const { data, error } = useHealth();
  let state: 'ok' | 'warning' | 'error' | 'unknown' = 'unknown';
  let text = 'Checking…';
  let detail = 'Checking the server';
  if (error && !data) {
    state = 'error';
    text = 'Server unreachable';
    detail = 'The Horizon server did not answer the health check.';
  } else if (data) {
    if (data.db !== 'ok' || data.redis !== 'ok') {
      state = 'error';
      text = data.db !== 'ok' ? 'Database down' : 'Redis down';
      detail = `Database: ${data.db}, Redis: ${data.redis}.`;
    } else if (data.workers === 0) {
      state = 'warning';
      text = 'No worker';
      detail = 'No training worker is connected: new runs wait in the queue. Start one with `npm run worker`.';
    } else {
      state = 'ok';
      text = data.workers === 1 ? '1 worker online' : `${data.workers} workers online`;
      detail = 'Database, Redis and training workers are up.';
    }
  }
  return (
    <div className="health" title={detail} data-testid="health">
      <span className="health-dot" data-state={state} aria-hidden="true" />
      <span className="health-text">{text}</span>
      <span className="visually-hidden">{detail}</span>
    </div>
  );
}
