'use client';

import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { errorMessage, measureMutations, type Measure } from '@/lib/api';
import { Button, Field, NumberInput, useToast } from '@/components/ui';
import { formatNumber } from '@/components/common/format';
import styles from './measures.module.css';

export function AddReadingForm({ measure }: { measure: Measure }) {
  const { toast } = useToast();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(measureMutations.addReading());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) {
      setError(`Enter a number${measure.unit ? ` in ${measure.unit}` : ''}, e.g. ${formatNumber(measure.target)}.`);
      return;
    }
    setError(null);
    add.mutate(
      { measureId: measure.id, value: n },
      {
        onSuccess: (reading) => {
          setValue('');
          toast({
            title: `Recorded ${formatNumber(reading.value, measure.unit)} for ${measure.name}`,
            tone: 'success',
          });
        },
        onError: (e) => setError(`The reading was not saved: ${errorMessage(e)}`),
      },
    );
  }

  return (
    <form className={styles.readingForm} onSubmit={submit} noValidate aria-label="Add a reading">
      <Field label="New reading" error={error ?? undefined} className={styles.readingField}>
        <NumberInput value={value} onChange={(e) => setValue(e.target.value)} unit={measure.unit} step="any" />
      </Field>
      <Button type="submit" loading={add.isPending}>
        Add reading
      </Button>
    </form>
  );
}
