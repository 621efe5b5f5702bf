import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

export default function NotFound() {
  return (
    <div className="card">
      <EmptyState title="Page not found" action={<Link href="/">Back to datasets</Link>}>
        There is nothing at this address.
      </EmptyState>
    </div>
  );
}
