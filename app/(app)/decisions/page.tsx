import { DecisionsView } from '@/components/decisions/decisions-view';

export const metadata = { title: 'Decisions' };

export default function DecisionsPage() {
  return <DecisionsView />;
}
