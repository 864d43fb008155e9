import { MeasureDetailView } from '@/components/measures/measure-detail-view';

export const metadata = { title: 'Measure' };

export default async function MeasurePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MeasureDetailView id={decodeURIComponent(id)} />;
}
