// The 422 answer for a file that was read but cannot be stored: the first error in the message,
// every problem in details.
import { unprocessable } from '@/lib/api/errors';
import type { Problem } from '@/lib/ingest';

export function invalidCsv(problems: Problem[]): Error {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const more =
    errors.length > 1
      ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''}, listed in details)`
      : '';
  return unprocessable('invalid_csv', `The file cannot be imported: ${errors[0]?.message ?? 'it has errors.'}${more}`, {
    problems,
  });
}
