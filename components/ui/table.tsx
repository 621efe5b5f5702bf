import type { ReactNode } from 'react';

interface TableProps {
  /** Names the table for assistive technology; visually hidden unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  compact?: boolean;
  className?: string;
  children: ReactNode;
  'data-testid'?: string;
}

/** A data table that scrolls sideways on narrow screens instead of breaking the layout. */
export function Table({ caption, showCaption, compact, className, children, ...rest }: TableProps) {
  const classes = ['table', compact && 'table-compact', className].filter(Boolean).join(' ');
  return (
    <div className="table-wrap">
      <table className={classes} {...rest}>
        <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
