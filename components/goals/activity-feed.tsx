'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { errorMessage, goalMutations, goalQueries, type Activity } from '@/lib/api';
import { Avatar, Button, Card, EmptyState, Field, Section, SkeletonRows, Textarea } from '@/components/ui';
import { formatDateTime, formatRelative } from '@/components/common/format';
import { QueryView } from '@/components/common/query-view';
import { usePeople } from '@/components/common/use-people';
import { useRemoteFlash } from '@/components/live/remote-changes';
import styles from './goal-detail.module.css';

export function ActivityItem({
  activity,
  actorName,
  goalTitle,
}: {
  activity: Activity;
  actorName: string | null;
  goalTitle?: string | null;
}) {
  const ref = useRemoteFlash<HTMLLIElement>('activity', activity.id);
  return (
    <li ref={ref} className={styles.activity} data-testid={`activity-row-${activity.id}`}>
      <Avatar name={actorName ?? 'Someone'} />
      <div className={styles.activityBody}>
        <p className={styles.activityMessage}>
          {activity.kind === 'comment' ? (
            <>
              <strong>{actorName ?? 'Someone'}</strong> commented: {activity.message}
            </>
          ) : (
            activity.message
          )}
        </p>
        <p className={styles.activityMeta}>
          {goalTitle ? <>{goalTitle} · </> : null}
          <time dateTime={activity.createdAt} title={formatDateTime(activity.createdAt)}>
            {formatRelative(activity.createdAt)}
          </time>
        </p>
      </div>
    </li>
  );
}

function CommentForm({ goalId }: { goalId: string }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(goalMutations.addComment());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const clean = message.trim();
    if (!clean) {
      setError('Write something first.');
      return;
    }
    setError(null);
    add.mutate(
      { goalId, message: clean },
      { onSuccess: () => setMessage(''), onError: (e) => setError(`Your comment was not posted: ${errorMessage(e)}`) },
    );
  }

  return (
    <form className={styles.commentForm} onSubmit={submit} noValidate>
      <Field label="Add a comment" error={error ?? undefined}>
        <Textarea
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          rows={2}
          maxLength={2_000}
          placeholder="Share an update with the team"
        />
      </Field>
      <Button type="submit" variant="secondary" size="sm" loading={add.isPending}>
        Post comment
      </Button>
    </form>
  );
}

export function ActivityFeed({ goalId }: { goalId: string }) {
  const feed = useQuery(goalQueries.activity(goalId));
  const { nameOf } = usePeople();
  return (
    <Section title="Activity">
      <Card>
        <CommentForm goalId={goalId} />
        <QueryView
          query={feed}
          errorTitle="Couldn't load the activity"
          loading={<SkeletonRows rows={3} />}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState compact title="No activity yet" description="Comments and status changes show up here." />}
        >
          {(data) => (
            <ul className={styles.feed} aria-label="Activity">
              {data.items.map((a) => (
                <ActivityItem key={a.id} activity={a} actorName={nameOf(a.actorId)} />
              ))}
            </ul>
          )}
        </QueryView>
      </Card>
    </Section>
  );
}
