'use client';
// Turns a Recharts brush into zoom requests for a chart whose points are reloaded per range. A
// drag reports each step (onChange) and its end (onDragEnd): only the end counts, since reloading
// mid-drag would redraw the chart under the pointer and drop the drag. Arrow keys on a handle
// report steps only: those go through, for the caller to debounce.
import { useEffect, useRef } from 'react';
import type { TimeRange } from '@/lib/client/use-zoomable-points';

export type OnZoom = (range: TimeRange, settled: boolean) => void;

interface BrushIndexes {
  startIndex?: number;
  endIndex?: number;
}

export function useBrushZoom(rows: readonly { t: number }[], onZoom: OnZoom | undefined) {
  const dragging = useRef(false);
  useEffect(() => {
    const release = () => {
      dragging.current = false;
    };
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
    return () => {
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
    };
  }, []);

  const zoom = ({ startIndex, endIndex }: BrushIndexes, settled: boolean) => {
    if (!onZoom || startIndex === undefined || endIndex === undefined) return;
    if (!settled && dragging.current) return;
    if (startIndex <= 0 && endIndex >= rows.length - 1) return;
    onZoom({ from: rows[startIndex].t, to: rows[endIndex].t }, settled);
  };

  return {
    /** Spread on an element around the chart: marks the start of a drag. */
    containerProps: {
      onPointerDownCapture: () => {
        dragging.current = true;
      },
    },
    /** Spread on the <Brush>. */
    brushProps: {
      onChange: (indexes: BrushIndexes) => zoom(indexes, false),
      onDragEnd: (indexes: BrushIndexes) => zoom(indexes, true),
    },
  };
}
