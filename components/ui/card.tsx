import { useId, type ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links on the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
}

/** A titled section; the title names the region for assistive technology. */
export function Card({ title, description, actions, children, ...rest }: CardProps) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={title ? headingId : undefined} {...rest}>
      {(title || actions) && (
        <header className="card-header">
          <div className="card-header-text">
            {title && <h2 id={headingId}>{title}</h2>}
            {description && <p className="card-description">{description}</p>}
          </div>
          {actions && <div className="row">{actions}</div>}
        </header>
      )}
      <div className="card-body">{children}</div>
    </section>
  );
}
