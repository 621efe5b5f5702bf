'use client';
// The one data-loading hook the pages build on: loads on mount and whenever `key` changes, can
// poll (the interval is decided from the latest data, so polling stops by itself once a run
// finishes), keeps showing the last data while refreshing, and cancels requests on unmount.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  /** The latest error; kept beside `data` when a refresh fails after an earlier success. */
  error: unknown;
  /** True until the first load for the current key settles. */
  loading: boolean;
  reload: () => void;
  /** Replace the data locally, e.g. with the answer of a mutation. */
  setData: (data: T) => void;
}

export interface ResourceOptions<T> {
  /** Milliseconds to wait before refreshing, decided after each load; null stops polling. */
  refreshInterval?: (data: T | undefined, error: unknown) => number | null;
}

interface State<T> {
  key: string | null;
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/** `key` identifies what is loaded (null: load nothing yet); `load` must honour the signal. */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: ResourceOptions<T> = {},
): Resource<T> {
  const loadRef = useRef(load);
  const intervalRef = useRef(options.refreshInterval);
  useEffect(() => {
    loadRef.current = load;
    intervalRef.current = options.refreshInterval;
  });

  const [state, setState] = useState<State<T>>({ key, data: undefined, error: undefined, loading: key !== null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: T | undefined;

    const scheduleNext = (error: unknown) => {
      const ms = intervalRef.current?.(last, error);
      if (ms == null) return;
      const wait = () => {
        // A hidden tab does not need fresh data; check again later instead of fetching.
        timer = setTimeout(document.visibilityState === 'hidden' ? wait : tick, ms);
      };
      wait();
    };

    const tick = async () => {
      try {
        const data = await loadRef.current(controller.signal);
        if (controller.signal.aborted) return;
        last = data;
        setState({ key, data, error: undefined, loading: false });
        scheduleNext(undefined);
      } catch (error) {
        if (controller.signal.aborted) return;
        setState((s) => ({ key, data: s.key === key ? s.data : undefined, error, loading: false }));
        scheduleNext(error);
      }
    };

    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((data: T) => setState({ key, data, error: undefined, loading: false }), [key]);

  // Until the first answer for a new key arrives, report "loading" rather than the old key's data.
  const current = state.key === key ? state : { data: undefined, error: undefined, loading: key !== null };
  return { data: current.data, error: current.error, loading: current.loading, reload, setData };
}
