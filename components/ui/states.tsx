// The loading, empty and error states every data view shows, so they look the same everywhere.
import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/client/api-error';
import { Button } from './button';

export function Spinner({ label }: { label?: string }) {
  return (
    <span className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? 'Loading…'}
    </span>
  );
}

export function LoadingState({ label, compact }: { label?: string; compact?: boolean }) {
  return (
    <div className={compact ? 'state state-compact' : 'state'}>
      <Spinner label={label} />
    </div>
  );
}

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}

export function EmptyState({ title, children, action, compact }: EmptyStateProps) {
  return (
    <div className={compact ? 'state state-compact' : 'state'}>
      <p className="state-title">{title}</p>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  compact?: boolean;
}

export function ErrorState({ error, title = 'Could not load this', onRetry, compact }: ErrorStateProps) {
  return (
    <div className={compact ? 'state state-compact' : 'state'} role="alert">
      <p className="state-title">{title}</p>
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
