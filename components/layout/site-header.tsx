import Link from 'next/link';
import { HealthIndicator } from './health-indicator';
import { SiteNav } from './site-nav';
import { UserMenu } from './user-menu';

function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path d="M2 17h20" stroke="currentColor" strokeWidth="2" strokeLinecap="round" opacity="0.35" />
      <path
        d="M3 14.5 7.5 10l3.5 3 4-6 2.5 2.5"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path d="m17.5 9.5 3.5-3.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeDasharray="2 2.5" />
    </svg>
  );
}

/** `email`: the signed-in user's, or null on the sign-in and sign-up pages. */
export function SiteHeader({ email }: { email: string | null }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          <Logo />
          Horizon
        </Link>
        {email && <SiteNav />}
        <HealthIndicator />
        <UserMenu email={email} />
      </div>
    </header>
  );
}
