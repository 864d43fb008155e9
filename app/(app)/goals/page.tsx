import { Suspense } from 'react';
import { GoalsView } from '@/components/goals/goals-view';

export const metadata = { title: 'Goals' };

export default function GoalsPage() {
  return (
    <Suspense>
      <GoalsView />
    </Suspense>
  );
}
