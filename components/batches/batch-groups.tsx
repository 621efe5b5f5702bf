// The runs list shows a batch's runs as one row per batch (a batch of 100 series would otherwise
// bury every single run), linking to the batch page where each series' run is listed.
import Link from 'next/link';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table } from '@/components/ui/table';
import { formatCount } from '@/lib/client/format';
import type { Run, RunStatus } from '@/lib/client/types';

export interface BatchGroup {
  batchId: string;
  runs: Run[];
  createdAt: string;
}

/** Runs of batches by batch (newest batch first) and the runs of no batch, in the order given. */
export function groupRunsByBatch(runs: readonly Run[]): { batches: BatchGroup[]; single: Run[] } {
  const groups = new Map<string, BatchGroup>();
  const single: Run[] = [];
  for (const run of runs) {
    if (!run.batchId) {
      single.push(run);
      continue;
    }
    const group = groups.get(run.batchId) ?? { batchId: run.batchId, runs: [], createdAt: run.createdAt };
    group.runs.push(run);
    if (run.createdAt < group.createdAt) group.createdAt = run.createdAt;
    groups.set(run.batchId, group);
  }
  return { batches: [...groups.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), single };
}

const ORDER: RunStatus[] = ['running', 'queued', 'succeeded', 'failed', 'cancelled'];

function statusCounts(runs: readonly Run[]): string {
  return ORDER.map((status) => [status, runs.filter((run) => run.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${formatCount(count)} ${status}`)
    .join(' · ');
}

export function BatchGroups({ groups }: { groups: readonly BatchGroup[] }) {
  return (
    <Table caption="Batches" data-testid="batch-groups">
      <thead>
        <tr>
          <th scope="col">Batch</th>
          <th scope="col" className="num">
            Series
          </th>
          <th scope="col">Runs</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.batchId}>
            <th scope="row">
              <Link href={`/batches/${encodeURIComponent(group.batchId)}`}>Batch {group.batchId.slice(-8)}</Link>
            </th>
            <td className="num">{formatCount(group.runs.length)}</td>
            <td>{statusCounts(group.runs)}</td>
            <td>
              <RelativeTime value={group.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
