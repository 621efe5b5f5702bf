'use client';
// A series on a regular grid with steps missing whose values look like counts (whole, never
// negative): a missing hour most likely means nothing happened, so 0 is the fill that fits. The
// preview offers it in one click instead of leaving the user to find the gap policy.
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { GapPolicy, Problem } from '@/lib/client/types';

interface GapSuggestionProps {
  problems: readonly Problem[];
  gapPolicy: GapPolicy | undefined;
  onChoose: (policy: GapPolicy) => void;
  disabled?: boolean;
}

export function GapSuggestion({ problems, gapPolicy, onChoose, disabled }: GapSuggestionProps) {
  const suggested = problems.find((p) => p.suggestedGapPolicy !== undefined)?.suggestedGapPolicy;
  if (!suggested || (gapPolicy ?? 'leave') !== 'leave') return null;
  return (
    <Alert tone="info" title="Missing steps in counts" data-testid="gap-suggestion">
      <p>
        The values look like counts and some steps have no row. If a missing step means nothing happened, fill it with 0
        so the series is evenly spaced.
      </p>
      <Button size="sm" variant="secondary" onClick={() => onChoose(suggested)} disabled={disabled}>
        Fill missing steps with 0
      </Button>
    </Alert>
  );
}
