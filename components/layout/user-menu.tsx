'use client';
// The account corner of the header: who is signed in, their API tokens, and sign out.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { signOut } from '@/lib/client/auth-api';

export function UserMenu({ email }: { email: string | null }) {
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  // The header outlives client-side navigation: close the menu once a link in it was followed.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  if (!email) {
    return (
      <Link href="/sign-in" className="user-menu-link">
        Sign in
      </Link>
    );
  }
  const leave = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      // Even if the request failed the cookie may be gone; the sign-in page sorts it out.
      window.location.assign('/sign-in');
    }
  };
  return (
    <details className="user-menu" ref={menu}>
      <summary aria-label={`Account menu for ${email}`}>
        <span className="user-menu-email">{email}</span>
      </summary>
      <div className="user-menu-panel" role="group" aria-label="Account">
        <p className="muted user-menu-who">
          Signed in as <strong>{email}</strong>
        </p>
        <Link href="/settings/tokens">API tokens</Link>
        <button type="button" className="btn btn-secondary btn-sm" onClick={leave} disabled={busy}>
          Sign out
        </button>
      </div>
    </details>
  );
}
