import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { getPageUser } from '@/lib/auth/page-user';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Horizon', template: '%s · Horizon' },
  description:
    'Self-hosted time-series forecasting: upload CSVs, train LSTM forecasters, compare them with a baseline.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getPageUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader email={user?.email ?? null} />
        <main id="main" className="page">
          {children}
        </main>
      </body>
    </html>
  );
}
