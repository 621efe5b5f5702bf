import { Alert } from '@/components/ui/alert';
import type { Problem } from '@/lib/client/types';
import { ProblemList } from './problem-list';

/** Errors (which block the import) and warnings (which do not), each in its own alert. */
export function FileProblems({ problems, errorTitle }: { problems: readonly Problem[]; errorTitle?: string }) {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  return (
    <>
      {errors.length > 0 && (
        <Alert tone="error" title={errorTitle ?? 'This file cannot be imported yet'} data-testid="file-errors">
          <ProblemList problems={errors} />
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert
          tone="warning"
          title={warnings.length === 1 ? 'Warning' : `${warnings.length} warnings`}
          data-testid="file-warnings"
        >
          <ProblemList problems={warnings} />
        </Alert>
      )}
    </>
  );
}
