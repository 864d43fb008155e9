import Link from 'next/link';
import { EmptyState, buttonClassName } from '@/components/ui';

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 24 }}>
      <EmptyState
        title="Page not found"
        description="There is nothing at this address. It may have moved."
        action={
          <Link href="/" className={buttonClassName({ variant: 'secondary' })}>
            Go to the dashboard
          </Link>
        }
      />
    </main>
  );
}
