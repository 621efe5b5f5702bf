'use client';
import { useState, type ReactNode } from 'react';

interface TableProps {
  /** Names the table for assistive technology; visually hidden unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  compact?: boolean;
  className?: string;
  /**
   * The table has secondary columns (cells with class `col-more`): on narrow screens they are
   * hidden behind a "Show all columns" toggle, so the priority columns fit without scrolling.
   */
  moreColumns?: boolean;
  children: ReactNode;
  'data-testid'?: string;
}

/** A data table that scrolls sideways on narrow screens instead of breaking the layout. */
export function Table({ caption, showCaption, compact, className, moreColumns, children, ...rest }: TableProps) {
  const [showAll, setShowAll] = useState(false);
  const classes = ['table', compact && 'table-compact', className].filter(Boolean).join(' ');
  return (
    <div className={`table-wrap${moreColumns && showAll ? ' show-all' : ''}`}>
      {moreColumns && (
        <button
          type="button"
          className="btn btn-ghost btn-sm table-more-toggle"
          aria-pressed={showAll}
          onClick={() => setShowAll((on) => !on)}
        >
          {showAll ? 'Show fewer columns' : 'Show all columns'}
        </button>
      )}
      <table className={classes} {...rest}>
        <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
