import { Suspense } from 'react';
import { ActionsView } from '@/components/actions/actions-view';

export const metadata = { title: 'Actions' };

export default function ActionsPage() {
  return (
    <Suspense>
      <ActionsView />
    </Suspense>
  );
}
