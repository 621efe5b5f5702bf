'use client';
// Points of a series for a chart the user can zoom: the chart reports the range picked with its
// brush, this waits until the brush has settled (a drag ended, or keys stopped for a moment), then
// asks the API for that range at full resolution, and keeps drawing the old points until the new ones arrive, so the chart never
// blanks. reset() returns to the default range (the whole series unless one is given).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSeriesPoints } from './hooks';
import type { Point } from './types';

/** Epoch milliseconds, inclusive. */
export interface TimeRange {
  from: number;
  to: number;
}

export interface ZoomablePoints {
  /** The latest points: of the current range, or of the previous one while it loads. */
  points: Point[] | undefined;
  /** Nothing to draw yet (the first load). */
  loading: boolean;
  /** A new range is loading; `points` still shows the previous one. */
  refreshing: boolean;
  error: unknown;
  reload: () => void;
  /** The zoomed range; null while the default range is shown. */
  zoom: TimeRange | null;
  /**
   * Zoom to `range`: at once when `settled` (a drag has ended), else once calls stop coming for a
   * moment (a handle moved with the keyboard reports every step).
   */
  zoomTo: (range: TimeRange, settled?: boolean) => void;
  /** Back to the default range, at once. */
  reset: () => void;
}

/** Arrow keys move a brush handle a step at a time; only the range it rests on is fetched. */
export const ZOOM_DEBOUNCE_MS = 400;

const iso = (ms: number) => new Date(ms).toISOString();

export function useZoomablePoints(
  seriesId: string | null,
  { max, defaultRange = null }: { max: number; defaultRange?: TimeRange | null },
): ZoomablePoints {
  const [zoom, setZoom] = useState<TimeRange | null>(null);
  const range = zoom ?? defaultRange;
  const resource = useSeriesPoints(seriesId, range ? { from: iso(range.from), to: iso(range.to), max } : { max });

  // The last points that arrived, drawn while the next range loads (React's "adjust state while
  // rendering" pattern: no effect, no extra paint with empty data).
  const [previous, setPrevious] = useState<Point[] | undefined>(undefined);
  if (resource.data && resource.data !== previous) setPrevious(resource.data);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const zoomTo = useCallback((next: TimeRange, settled = false) => {
    clearTimeout(timer.current);
    if (settled) setZoom(next);
    else timer.current = setTimeout(() => setZoom(next), ZOOM_DEBOUNCE_MS);
  }, []);
  const reset = useCallback(() => {
    clearTimeout(timer.current);
    setZoom(null);
  }, []);

  const points = resource.data ?? previous;
  return {
    points,
    loading: resource.loading && points === undefined,
    refreshing: resource.loading && points !== undefined,
    error: resource.error,
    reload: resource.reload,
    zoom,
    zoomTo,
    reset,
  };
}
