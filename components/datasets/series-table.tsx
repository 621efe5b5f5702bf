'use client';
import Link from 'next/link';
import { useState } from 'react';
import { Sparkline } from '@/components/charts/sparkline';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { EmptyState } from '@/components/ui/states';
import { Table } from '@/components/ui/table';
import { formatCount, formatFrequency, formatSeriesRange, seriesZone } from '@/lib/client/format';
import type { Series } from '@/lib/client/types';

/** Rows shown at first; long files can hold hundreds of series. */
const PAGE = 50;

export function SeriesTable({ series }: { series: readonly Series[] }) {
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(PAGE);
  const needle = filter.trim().toLowerCase();
  const matching = needle ? series.filter((s) => s.name.toLowerCase().includes(needle)) : series;
  const visible = matching.slice(0, shown);

  return (
    <div className="stack">
      {series.length > 10 && (
        <InputField
          label="Filter series"
          type="search"
          placeholder="Name contains…"
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
            setShown(PAGE);
          }}
          className="field-search"
        />
      )}
      {matching.length === 0 ? (
        <EmptyState title="No series match" compact>
          Nothing is named like “{filter}”.
        </EmptyState>
      ) : (
        <Table caption="Series of this dataset" data-testid="series-table">
          <thead>
            <tr>
              <th scope="col">Series</th>
              <th scope="col">Trend</th>
              <th scope="col">Frequency</th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col">Range</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link href={`/series/${s.id}`}>{s.name}</Link>
                </th>
                <td className="shrink">
                  <Sparkline seriesId={s.id} label={s.name} />
                </td>
                <td>{formatFrequency(s.frequency)}</td>
                <td className="num">{formatCount(s.points)}</td>
                <td>{formatSeriesRange(s.start, s.end, s.frequency, seriesZone(s))}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {matching.length > shown && (
        <div>
          <Button size="sm" onClick={() => setShown((n) => n + PAGE)}>
            Show more ({formatCount(matching.length - shown)} left)
          </Button>
        </div>
      )}
    </div>
  );
}
