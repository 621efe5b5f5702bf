'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  {
    href: '/',
    label: 'Datasets',
    matches: (path: string) => path === '/' || path.startsWith('/datasets') || path.startsWith('/series'),
  },
  { href: '/runs', label: 'Runs', matches: (path: string) => path.startsWith('/runs') },
  { href: '/schedules', label: 'Schedules', matches: (path: string) => path.startsWith('/schedules') },
  { href: '/compare', label: 'Compare', matches: (path: string) => path.startsWith('/compare') },
  { href: '/docs/api', label: 'API', matches: (path: string) => path.startsWith('/docs') },
];

export function SiteNav() {
  const pathname = usePathname() ?? '/';
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={link.matches(pathname) ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
