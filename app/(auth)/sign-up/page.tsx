import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { getPageUser } from '@/lib/auth/page-user';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { safeReturnPath } from '@/lib/client/auth-api';
import { hasAdminAsSystem } from '@/lib/db/users';
import { CredentialsForm } from '../credentials-form';

export const metadata: Metadata = { title: 'Create an account' };

export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = [(await searchParams).next].flat()[0];
  if (await getPageUser()) redirect(safeReturnPath(next));
  const first = !(await hasAdminAsSystem());
  return (
    <div className="auth-page">
      <h1>Create an account</h1>
      {first && (
        <p className="muted">
          This is the first account of this Horizon: it becomes the admin and owns any data stored so far.
        </p>
      )}
      <Card>
        <CredentialsForm mode="sign-up" next={next} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </Card>
    </div>
  );
}
