import Link from 'next/link';
import type { ReactNode } from 'react';

interface Crumb {
  href: string;
  label: string;
}

interface PageHeaderProps {
  title: ReactNode;
  breadcrumbs?: Crumb[];
  /** A line of facts under the title. */
  meta?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, breadcrumbs, meta, actions }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header-text">
        {breadcrumbs && breadcrumbs.length > 0 && (
          <nav className="breadcrumbs" aria-label="Breadcrumb">
            <ol>
              {breadcrumbs.map((crumb) => (
                <li key={crumb.href}>
                  <Link href={crumb.href}>{crumb.label}</Link>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <h1>{title}</h1>
        {meta && <div className="page-header-meta">{meta}</div>}
      </div>
      {actions && <div className="page-header-actions">{actions}</div>}
    </header>
  );
}
