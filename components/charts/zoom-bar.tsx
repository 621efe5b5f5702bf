'use client';
// The line above a zoomable chart: what it shows, a note while a zoomed range loads, a reset
// button once zoomed, and room for extra actions (e.g. "Whole series" on the run chart).
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

interface ZoomBarProps {
  /** What the chart shows, e.g. "Jan 2020 – Mar 2020 · 1,500 points". */
  summary: string;
  zoomed: boolean;
  refreshing: boolean;
  onReset: () => void;
  children?: ReactNode;
}

export function ZoomBar({ summary, zoomed, refreshing, onReset, children }: ZoomBarProps) {
  return (
    <div className="row-between zoom-bar" data-testid="zoom-bar">
      <span className="muted" aria-live="polite">
        {summary}
        {refreshing && ' · loading the zoomed range…'}
      </span>
      <div className="row">
        {children}
        {zoomed && (
          <Button size="sm" variant="secondary" onClick={onReset} data-testid="reset-zoom">
            Reset zoom
          </Button>
        )}
      </div>
    </div>
  );
}
