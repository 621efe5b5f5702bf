import type { Problem } from '@/lib/client/types';
import { formatCount } from '@/lib/client/format';

/** Where a problem is, e.g. "row 12 · column price · 37 rows". */
export function problemLocation(problem: Problem): string {
  return [
    problem.row !== undefined && `row ${problem.row}`,
    problem.column && `column ${problem.column}`,
    problem.count !== undefined && problem.count > 1 && `${formatCount(problem.count)} rows`,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  return (
    <ul className="problem-list">
      {problems.map((problem, index) => {
        const where = problemLocation(problem);
        return (
          <li key={`${problem.code}-${index}`}>
            {problem.message}
            {where && <span className="problem-where"> ({where})</span>}
          </li>
        );
      })}
    </ul>
  );
}
