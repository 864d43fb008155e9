'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  attachmentMutations,
  attachmentQueries,
  errorMessage,
  type Attachment,
  type AttachmentEntityType,
} from '@/lib/api';
import {
  Button,
  Card,
  DataList,
  DataRow,
  EmptyState,
  Field,
  IconPaperclip,
  Input,
  NumberInput,
  Section,
  SkeletonRows,
} from '@/components/ui';
import { formatBytes, formatDate } from '@/components/common/format';
import { QueryView } from '@/components/common/query-view';
import { useRemoteFlash } from '@/components/live/remote-changes';
import styles from './goal-detail.module.css';

function AttachmentRow({ attachment }: { attachment: Attachment }) {
  const ref = useRemoteFlash<HTMLLIElement>('attachment', attachment.id);
  return (
    <DataRow
      ref={ref}
      data-testid={`attachment-row-${attachment.id}`}
      title={
        <span className={styles.fileName}>
          <IconPaperclip /> {attachment.fileName}
        </span>
      }
      meta={`${formatBytes(attachment.sizeBytes)} · Added ${formatDate(attachment.createdAt)}`}
    />
  );
}

function AddAttachmentForm({ entityType, entityId }: { entityType: AttachmentEntityType; entityId: string }) {
  const [fileName, setFileName] = useState('');
  const [sizeKb, setSizeKb] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(attachmentMutations.create());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = fileName.trim();
    const kb = Number(sizeKb);
    if (!name) return setError('Enter the file name, e.g. plan.pdf.');
    if (sizeKb.trim() === '' || !Number.isFinite(kb) || kb < 0)
      return setError('Enter the size in KB as a number, e.g. 120.');
    setError(null);
    add.mutate(
      { entityType, entityId, fileName: name, sizeBytes: Math.round(kb * 1024) },
      {
        onSuccess: () => {
          setFileName('');
          setSizeKb('');
        },
        onError: (e) => setError(`The attachment was not added: ${errorMessage(e)}`),
      },
    );
  }

  return (
    <form className={styles.inlineForm} onSubmit={submit} noValidate aria-label="Add an attachment">
      <Field label="File name" className={styles.grow}>
        <Input
          value={fileName}
          onChange={(e) => setFileName(e.target.value)}
          maxLength={255}
          placeholder="plan.pdf"
          controlSize="sm"
        />
      </Field>
      <Field label="Size" className={styles.narrow}>
        <NumberInput value={sizeKb} onChange={(e) => setSizeKb(e.target.value)} min={0} unit="KB" controlSize="sm" />
      </Field>
      <Button type="submit" variant="secondary" size="sm" loading={add.isPending}>
        Attach
      </Button>
      {error ? (
        <p className={styles.formError} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function AttachmentsSection({ entityType, entityId }: { entityType: AttachmentEntityType; entityId: string }) {
  const attachments = useQuery(attachmentQueries.list(entityType, entityId));
  return (
    <Section title="Attachments">
      <Card padding="none">
        <QueryView
          query={attachments}
          errorTitle="Couldn't load attachments"
          loading={<SkeletonRows rows={2} />}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState compact title="No attachments" description="Add a file name and size below." />}
        >
          {(data) => (
            <DataList flush aria-label="Attachments">
              {data.items.map((a) => (
                <AttachmentRow key={a.id} attachment={a} />
              ))}
            </DataList>
          )}
        </QueryView>
        <div className={styles.cardFooter}>
          <AddAttachmentForm entityType={entityType} entityId={entityId} />
        </div>
      </Card>
    </Section>
  );
}
