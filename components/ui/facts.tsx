import type { ReactNode } from 'react';

interface FactsProps {
  items: [ReactNode, ReactNode][];
  label?: string;
  /** Sized to content in one wrapping line, instead of aligned grid columns. */
  inline?: boolean;
}

/** Label/value pairs (a <dl>). */
export function Facts({ items, label, inline }: FactsProps) {
  return (
    <dl className={inline ? 'facts facts-inline' : 'facts'} aria-label={label}>
      {items.map(([term, value], index) => (
        <div key={index}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
