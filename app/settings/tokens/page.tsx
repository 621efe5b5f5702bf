import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/page-user';
import { TokensPage } from './tokens-page';

export const metadata: Metadata = { title: 'API tokens' };

export default async function Page() {
  await requirePageUser('/settings/tokens');
  return <TokensPage />;
}
