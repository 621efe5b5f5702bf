import { LandingPage } from '@/components/landing/landing-page';
import { getPageUser } from '@/lib/auth/page-user';
import { HomePage } from './home-page';

/** Signed in: the datasets; signed out: what Horizon is, with sign-in and sign-up. */
export default async function Page() {
  return (await getPageUser()) ? <HomePage /> : <LandingPage />;
}
