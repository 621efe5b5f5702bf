'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';

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

/**
 * A data table that scrolls sideways on narrow screens instead of breaking the layout. While it
 * does, its box is a focusable, named region, so keyboard users can scroll it too.
 */
export function Table({ caption, showCaption, compact, className, moreColumns, children, ...rest }: TableProps) {
  const [showAll, setShowAll] = useState(false);
  const [scrolls, setScrolls] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = wrap.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.lastElementChild ?? box.firstElementChild);
    return () => observer.disconnect();
  }, [showAll]);
  const classes = ['table', compact && 'table-compact', className].filter(Boolean).join(' ');
  return (
    <div
      ref={wrap}
      className={`table-wrap${moreColumns && showAll ? ' show-all' : ''}`}
      {...(scrolls && { tabIndex: 0, role: 'region', 'aria-label': `${caption} (scrolls sideways)` })}
    >
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
