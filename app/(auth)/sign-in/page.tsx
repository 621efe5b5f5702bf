import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { getPageUser } from '@/lib/auth/page-user';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { safeReturnPath } from '@/lib/client/auth-api';
import { CredentialsForm } from '../credentials-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = [(await searchParams).next].flat()[0];
  if (await getPageUser()) redirect(safeReturnPath(next));
  return (
    <div className="auth-page">
      <h1>Sign in to Horizon</h1>
      <Card>
        <CredentialsForm mode="sign-in" next={next} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </Card>
    </div>
  );
}
