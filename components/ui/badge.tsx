import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

interface BadgeProps {
  tone?: BadgeTone;
  /** Pulses the dot: the thing it labels is changing right now. */
  live?: boolean;
  /** Without the leading dot. */
  plain?: boolean;
  children: ReactNode;
  'data-testid'?: string;
}

export function Badge({ tone = 'neutral', live, plain, children, ...rest }: BadgeProps) {
  const className = ['badge', tone !== 'neutral' && `badge-${tone}`, live && 'badge-live', plain && 'badge-plain']
    .filter(Boolean)
    .join(' ');
  return (
    <span className={className} {...rest}>
      {children}
    </span>
  );
}
