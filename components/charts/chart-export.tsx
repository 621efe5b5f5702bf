'use client';
// "SVG" and "PNG" buttons that save the chart beside them as a file named after what it shows
// (series, run, chart). Ordinary buttons, so the keyboard reaches them like any other.
import { useState, type RefObject } from 'react';
import { chartFileName, exportChart, type ChartFormat, type ExportLegendItem } from '@/lib/client/chart-export';

interface ChartExportProps {
  /** The figure holding the rendered recharts chart. */
  figure: RefObject<HTMLElement | null>;
  /** File name parts: series, run, chart ("north", "run-abc123", "forecast"). */
  name: readonly (string | null | undefined)[];
  /** What the chart shows, for the buttons' accessible names ("forecast chart"). */
  label: string;
  legend?: readonly ExportLegendItem[];
}

export function ChartExport({ figure, name, label, legend = [] }: ChartExportProps) {
  const [error, setError] = useState<string | null>(null);
  const save = async (format: ChartFormat) => {
    setError(null);
    const svg = figure.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) return setError('The chart is not drawn yet.');
    try {
      await exportChart(svg, format, chartFileName(name, format), legend);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <div className="chart-export" role="group" aria-label={`Download the ${label}`}>
      <span className="chart-export-label" aria-hidden="true">
        Download
      </span>
      {(['svg', 'png'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() => void save(format)}
          aria-label={`Download the ${label} as ${format.toUpperCase()}`}
          data-testid={`chart-export-${format}`}
        >
          {format.toUpperCase()}
        </button>
      ))}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
