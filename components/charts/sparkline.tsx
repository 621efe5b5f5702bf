'use client';
// A tiny trend line for tables. Plain SVG rather than recharts (a table may hold hundreds), and
// the points are only fetched once the row scrolls into view.
import { useEffect, useRef, useState } from 'react';
import { useSeriesPoints } from '@/lib/client/hooks';

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 2;

export function sparklinePath(values: readonly number[]): string {
  if (values.length < 2) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const range = max - min || 1;
  return values
    .map((v, i) => {
      const x = PAD + (i / (values.length - 1)) * (WIDTH - 2 * PAD);
      const y = HEIGHT - PAD - ((v - min) / range) * (HEIGHT - 2 * PAD);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
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
  const path = data ? sparklinePath(data.map((p) => p.v)) : '';

  return (
    <div ref={ref}>
      {path ? (
        <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Trend of ${label}`}>
          <path d={path} fill="none" stroke="var(--chart-lstm)" strokeWidth={1.5} strokeLinejoin="round" />
        </svg>
      ) : (
        <div className="sparkline-empty" aria-hidden="true" />
      )}
    </div>
  );
}
