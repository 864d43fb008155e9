'use client';

import { useQuery } from '@tanstack/react-query';
import { measureQueries } from '@/lib/api';
import { DataList, EmptyState, PageHeader } from '@/components/ui';
import { QueryView } from '@/components/common/query-view';
import { MeasureRow } from './measure-row';

export function MeasuresView() {
  const measures = useQuery(measureQueries.list());
  return (
    <>
      <PageHeader title="Measures" description="The numbers that tell you whether the goals are working." />
      <QueryView
        query={measures}
        errorTitle="Couldn't load measures"
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="No measures yet" description="Measures are set up by your administrator." />}
      >
        {(data) => (
          <DataList aria-label="Measures">
            {data.items.map((m) => (
              <MeasureRow key={m.id} measure={m} />
            ))}
          </DataList>
        )}
      </QueryView>
    </>
  );
}
