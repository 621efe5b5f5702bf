import { requirePageUser } from '@/lib/auth/page-user';
import { HomePage } from './home-page';

export default async function Page() {
  await requirePageUser('/');
  return <HomePage />;
}
