'use client';
// Tiny trend lines for tables. Plain SVG rather than recharts (a table may hold hundreds).
// SparklineChart draws values it is given: the batch page loads every row's history and forecast
// in one request (GET /api/batches/:id/sparklines). Sparkline loads one series' points itself once
// its row scrolls into view (the dataset page's series table).
import { useEffect, useRef, useState } from 'react';
import { useSeriesPoints } from '@/lib/client/hooks';
import { SPARKLINE_HEIGHT, SPARKLINE_WIDTH, sparklinePaths } from '@/lib/client/sparkline';

interface SparklineChartProps {
  history: readonly number[];
  /** Drawn dashed, in the forecast colour, continuing from the history's last point. */
  forecast?: readonly number[];
  /** What a screen reader announces: which series, and what the lines are. */
  label: string;
  /** The accent of the history line: the forecast colour when it is the only line, else the actuals'. */
  historyColor?: string;
}

export function SparklineChart({ history, forecast = [], label, historyColor }: SparklineChartProps) {
  const paths = sparklinePaths(history, forecast);
  if (!paths.history && !paths.forecast) return <div className="sparkline-empty" aria-hidden="true" />;
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="sparkline"
    >
      {paths.history && (
        <path
          d={paths.history}
          data-segment="history"
          fill="none"
          stroke={historyColor ?? 'var(--chart-actual)'}
          strokeWidth={1.5}
          strokeLinejoin="round"
        />
      )}
      {paths.forecast && (
        <path
          d={paths.forecast}
          data-segment="forecast"
          fill="none"
          stroke="var(--chart-lstm)"
          strokeWidth={1.75}
          strokeDasharray="3 2"
          strokeLinejoin="round"
        />
      )}
    </svg>
  );
}

export function Sparkline({ seriesId, label }: { seriesId: string; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || visible) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);

  const { data } = useSeriesPoints(visible ? seriesId : null, { max: 80 });

  return (
    <div ref={ref}>
      <SparklineChart
        history={data?.map((p) => p.v) ?? []}
        label={`Trend of ${label}`}
        historyColor="var(--chart-lstm)"
      />
    </div>
  );
}
