import { MeasuresView } from '@/components/measures/measures-view';

export const metadata = { title: 'Measures' };

export default function MeasuresPage() {
  return <MeasuresView />;
}
