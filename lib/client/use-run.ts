'use client';
// Live state of one run. While the run is queued or running, the server pushes every change over
// server-sent events (GET /api/runs/:id/events); if the stream keeps failing (a proxy that buffers
// or blocks it, an old browser), this falls back to polling every second. Updates stop once the
// run has finished. This is the only place that knows how live updates arrive: the run page only
// sees a Resource<Run>.
import { useEffect, useRef, useState } from 'react';
import { getRun } from './api';
import { isActive } from './run-status';
import type { Run } from './types';
import { useResource, type Resource } from './use-resource';

const POLL_MS = 1000;
/** Stream errors in a row (without a message between them) before switching to polling. */
const MAX_STREAM_ERRORS = 3;

export function useRun(id: string): Resource<Run> {
  const [streamFailed, setStreamFailed] = useState(false);
  const streaming = !streamFailed && typeof EventSource !== 'undefined';
  const streamingRef = useRef(streaming);
  useEffect(() => {
    streamingRef.current = streaming;
  });

  const resource = useResource(`run:${id}`, (signal) => getRun(id, signal), {
    // Poll only without a stream. Keep polling through a failed refresh of a live run (e.g. a
    // dev-server restart); a run that never loaded is not polled: the page shows the error with a
    // retry button.
    refreshInterval: (run) => (!streamingRef.current && run && isActive(run.status) ? POLL_MS : null),
  });
  const { data, setData, reload } = resource;
  // Listen once the run is known and while it may still change (the stream starts with the run's
  // current state, so nothing between the load and the connection is missed).
  const live = data !== undefined && isActive(data.status);

  useEffect(() => {
    if (!streaming || !live) return;
    const source = new EventSource(`/api/runs/${encodeURIComponent(id)}/events`);
    let errors = 0;
    const fallBack = () => {
      source.close();
      setStreamFailed(true);
      reload(); // the reload's answer starts the polling
    };
    source.addEventListener('run', (event) => {
      errors = 0;
      const run = JSON.parse((event as MessageEvent<string>).data) as Run;
      setData(run);
      // The server ends the stream after a finished status; without this the browser would reconnect.
      if (!isActive(run.status)) source.close();
    });
    source.onerror = () => {
      errors += 1;
      // CLOSED: the browser gave up (e.g. a non-stream answer), it will not reconnect by itself.
      if (source.readyState === EventSource.CLOSED || errors >= MAX_STREAM_ERRORS) fallBack();
    };
    return () => source.close();
  }, [id, streaming, live, setData, reload]);

  return resource;
}
