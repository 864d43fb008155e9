import { GoalDetailView } from '@/components/goals/goal-detail-view';

export const metadata = { title: 'Goal' };

export default async function GoalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <GoalDetailView id={decodeURIComponent(id)} />;
}
